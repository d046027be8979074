package com.easycrm4u.camel.waapi.karaf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import com.easycrm4u.camel.waapi.karaf.FeaturesRepository.Dependency;
import com.easycrm4u.camel.waapi.karaf.FeaturesRepository.Feature;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published features.xml is valid for Karaf, names our two bundles, and every Camel Karaf feature it depends on
 * exists in Camel Karaf's own features repository at a version its range accepts.
 */
class FeaturesRepositoryTest {

    private static final Path FEATURES = Path.of(System.getProperty("waapi.features.xml", "target/feature/features.xml"));
    private static final Path CAMEL_KARAF_FEATURES
            = Path.of(System.getProperty("camel-karaf.api.dir", "target/camel-karaf-api"), "apache-camel-features.xml");
    private static final String CAMEL_KARAF = System.getProperty("camel-karaf.version", "4.14.5");
    private static final String VERSION = System.getProperty("project.version", "1.0.0-SNAPSHOT");
    private static final String NETTY = System.getProperty("netty.karaf.version", "4.1.130.Final");
    private static final Path KARAF_STAND_IN = Path.of(System.getProperty("karaf.features.processing",
            "target/test-classes/karaf/org.apache.karaf.features.xml"));
    /**
     * Camel jars of the stand-in that Camel Karaf has inside one of its repackaged bundles rather than as bundles of
     * their own, by the Camel Karaf bundle that holds them
     */
    private static final Map<String, String> EMBEDDED_BY_CAMEL_KARAF = Map.of(
            "camel-xml-jaxp-util", "camel-xml-jaxp",
            "camel-dsl-support", "camel-yaml-dsl",
            "camel-yaml-dsl-common", "camel-yaml-dsl",
            "camel-yaml-dsl-deserializers", "camel-yaml-dsl");

    @Test
    void isValidAgainstKarafsFeaturesSchemaAndFullyFiltered() throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getClassLoader().getResource("org/apache/karaf/features/karaf-features-1.6.0.xsd"));
        schema.newValidator().validate(new StreamSource(FEATURES.toFile()));

        assertThat(Files.readString(FEATURES)).doesNotContain("${");
    }

    @Test
    void camelWaapiInstallsTheComponentOnCamelKarafsCoreJacksonAndPlatformHttpVertx() {
        FeaturesRepository ours = FeaturesRepository.read(FEATURES);

        assertThat(ours.repositories())
                .containsExactly("mvn:org.apache.camel.karaf/apache-camel/" + CAMEL_KARAF + "/xml/features");
        Feature waapi = single(ours, "camel-waapi");
        assertThat(waapi.version()).isEqualTo(VERSION);
        assertThat(waapi.bundles())
                .as("Netty's HTTP/2 codec, which Vert.x's HTTP server needs, its proxy handler and SOCKS codec, which "
                    + "Vert.x's HTTP client needs, then our bundle")
                .containsExactly("mvn:io.netty/netty-codec-http2/" + NETTY, "mvn:io.netty/netty-codec-socks/" + NETTY,
                        "mvn:io.netty/netty-handler-proxy/" + NETTY, "mvn:com.easycrm4u.waapi/camel-waapi/" + VERSION);
        // Jackson comes with camel-jackson: a "jackson" range of our own would let Karaf pick its own newer jackson
        assertThat(waapi.dependencies()).extracting(Dependency::name)
                .containsExactlyInAnyOrder("camel-core", "camel-jackson", "camel-platform-http-vertx");

        Feature sandbox = single(ours, "camel-waapi-sandbox");
        assertThat(sandbox.bundles()).containsExactly("mvn:com.easycrm4u.waapi/camel-waapi-sandbox/" + VERSION);
        assertThat(sandbox.dependencies()).containsExactly(new Dependency("camel-waapi", VERSION));
    }

    @Test
    void everyCamelKarafFeatureWeDependOnExistsThereInTheRangeWeAsk() {
        FeaturesRepository camelKaraf = FeaturesRepository.read(CAMEL_KARAF_FEATURES);
        List<Dependency> external = FeaturesRepository.read(FEATURES).features().stream()
                .flatMap(f -> f.dependencies().stream()).filter(d -> !d.name().startsWith("camel-waapi")).toList();

        assertThat(external).isNotEmpty().allSatisfy(dependency -> assertThat(camelKaraf.named(dependency.name()))
                .as("Camel Karaf %s's feature %s %s", CAMEL_KARAF, dependency.name(), dependency.versionRange())
                .anyMatch(f -> dependency.versionRange() == null
                        || VersionRange.parse(dependency.versionRange()).includes(f.version())));
        // what the component relies on in there: camel-core-osgi resolves components from bundles; Vert.x hosts webhooks
        assertThat(single(camelKaraf, "camel-core").bundles())
                .contains("mvn:org.apache.camel.karaf/camel-core-osgi/" + CAMEL_KARAF);
        assertThat(single(camelKaraf, "camel-platform-http-vertx").bundles())
                .contains("mvn:org.apache.camel.karaf/camel-platform-http-vertx/" + CAMEL_KARAF);
    }

    /**
     * Each package our bundles import as required (not optionally, not the JDK's) is in a jar whose Camel Karaf bundle
     * is installed by the features camel-waapi depends on: the component's health checks need camel-health (in Camel
     * Karaf's camel-core), and a new required dependency fails here until its feature is added to features.xml.
     */
    @Test
    void everyRequiredImportOfOurBundlesComesWithTheCamelKarafFeaturesCamelWaapiInstalls() {
        FeaturesRepository camelKaraf = FeaturesRepository.read(CAMEL_KARAF_FEATURES);
        Feature waapi = single(FeaturesRepository.read(FEATURES), "camel-waapi");
        Set<String> installed = waapi.dependencies().stream().flatMap(d -> camelKaraf.matching(d).stream())
                .flatMap(f -> camelKaraf.bundlesInstalledBy(f).stream()).map(FeaturesRepository::artifactId)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(installed).contains("camel-core-osgi", "camel-support", "camel-health", "jackson-databind",
                "camel-platform-http-vertx");
        ClasspathPackages classpath = ClasspathPackages.ofThisJvm();

        List<String> required = Stream.of(Bundles.component(), Bundles.sandbox())
                .flatMap(jar -> OsgiHeader.parse(Bundles.manifest(jar).getMainAttributes().getValue("Import-Package")).stream())
                .filter(i -> !i.optional()).map(OsgiHeader::name).distinct()
                .filter(p -> !p.startsWith("java.") && !p.startsWith("javax.") && !p.startsWith("com.easycrm4u.camel.waapi"))
                // SLF4J: Karaf's pax-logging exports it to every bundle
                .filter(p -> !p.startsWith("org.slf4j")).toList();

        assertThat(required).contains("org.apache.camel.impl.health", "com.fasterxml.jackson.databind")
                .allSatisfy(pkg -> assertThat(classpath.artifactIdsOf(pkg))
                        .as("the jars that hold %s, a required import of our bundles: none is installed by the Camel "
                            + "Karaf features camel-waapi depends on. Add the feature that provides it to features.xml", pkg)
                        .isNotEmpty().containsAnyElementsOf(installed));
    }

    /**
     * KarafFeatureInstallTest's stand-in (Karaf's feature replacements) replaces Camel Karaf features by name and
     * version, and installs no bundle the real feature does not: its jars are the plain Camel jars of the bundles Camel
     * Karaf repackages (or holds inside one, as named above), the rest the same artifacts.
     */
    @Test
    void theKarafTestsStandInInstallsNoMoreThanCamelKarafsOwnFeatures() {
        FeaturesRepository camelKaraf = FeaturesRepository.read(CAMEL_KARAF_FEATURES);
        List<Feature> standIn = FeaturesRepository.readReplacements(KARAF_STAND_IN).features();

        assertThat(standIn).extracting(Feature::name).contains("camel-core", "camel-jackson", "jackson",
                "camel-platform-http-vertx", "camel-yaml-dsl");
        assertThat(standIn).allSatisfy(replacement -> {
            Feature real = camelKaraf.named(replacement.name()).stream()
                    .filter(f -> f.version().equals(replacement.version())).findFirst()
                    .orElseThrow(() -> new AssertionError(
                            "Camel Karaf has no feature " + replacement.name() + " "
                                                          + replacement.version()));
            Set<String> realBundles = camelKaraf.bundlesInstalledBy(real).stream().map(FeaturesRepository::artifactId)
                    .collect(Collectors.toSet());
            assertThat(replacement.bundles()).as(replacement.name()).allSatisfy(bundle -> {
                String artifactId = FeaturesRepository.artifactId(bundle);
                assertThat(realBundles).as("the bundles Camel Karaf's %s installs", replacement.name())
                        .contains(EMBEDDED_BY_CAMEL_KARAF.getOrDefault(artifactId, artifactId));
            });
            assertThat(replacement.dependencies()).extracting(Dependency::name).as(replacement.name())
                    .isSubsetOf(real.dependencies().stream().map(Dependency::name).toList());
        });
    }

    private static Feature single(FeaturesRepository repository, String name) {
        assertThat(repository.named(name)).as(name).hasSize(1);
        return repository.named(name).get(0);
    }
}
