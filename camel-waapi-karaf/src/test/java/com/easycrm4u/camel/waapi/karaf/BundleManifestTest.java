package com.easycrm4u.camel.waapi.karaf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OSGi manifests of camel-waapi and camel-waapi-sandbox hold the rules docs/karaf.md promises: public packages
 * exported, operation/client/internal kept private, Camel and Jackson imported (never embedded) with ranges that Camel
 * Karaf's release satisfies, and every optional dependency imported optionally.
 */
class BundleManifestTest {

    private static final String CAMEL_KARAF = System.getProperty("camel-karaf.version", "4.14.5");
    /** the Camel the component is compiled and tested against */
    private static final String CAMEL_BUILD = "4.18.0";
    private static final String JACKSON_KARAF = "2.19.4";
    private static final String OUR_PACKAGES = "com.easycrm4u.camel.waapi";
    /** packages that come from required dependencies; any other import must be optional */
    private static final List<String> REQUIRED_FAMILIES
            = List.of(OUR_PACKAGES, "org.apache.camel", "com.fasterxml.jackson", "org.slf4j", "java.", "javax.");
    /**
     * the component's too: the producers' transport, Vert.x's HttpClient on Netty (camel-platform-http-vertx's
     * camel-vertx-common and Camel Karaf's netty feature install them)
     */
    private static final List<String> COMPONENT_REQUIRED_FAMILIES
            = concat(REQUIRED_FAMILIES, List.of("io.vertx.", "io.netty."));
    /**
     * Camel and Vert.x packages of optional Maven dependencies: the Endpoint DSL, camel-test-junit5, the sandbox's
     * camel-platform-http-main, and platform-http with its Vert.x engine and Vert.x Web (the webhook serves its path on
     * that engine's router where it is there)
     */
    // org.apache.camel.builder: only the generated Endpoint DSL uses it, through the optional camel-core-model and
    // camel-endpointdsl
    private static final List<String> OPTIONAL_CAMEL = List.of("org.apache.camel.builder", "org.apache.camel.test",
            "org.apache.camel.component.platform.http", "io.vertx.ext.web");
    private static final List<String> PRIVATE = List.of(".operation", ".client", ".internal");

    @Test
    void componentExportsItsPublicPackagesAndKeepsOperationClientAndInternalPrivate() throws IOException {
        Path jar = Bundles.component();
        Attributes manifest = Bundles.manifest(jar).getMainAttributes();
        Set<String> exported = names(manifest.getValue("Export-Package"));
        Set<String> packages = packagesIn(jar, OUR_PACKAGES);

        assertThat(manifest.getValue("Bundle-SymbolicName")).isEqualTo("com.easycrm4u.camel.waapi");
        assertThat(manifest.getValue("Bundle-ManifestVersion")).isEqualTo("2");
        assertThat(exported).contains(OUR_PACKAGES, OUR_PACKAGES + ".model", OUR_PACKAGES + ".webhook",
                OUR_PACKAGES + ".webhook.model", OUR_PACKAGES + ".dsl", OUR_PACKAGES + ".dsl.factory");
        assertThat(packages).as("operation and client are in the bundle, as private packages")
                .contains(OUR_PACKAGES + ".operation", OUR_PACKAGES + ".client");
        assertThat(exported).as("exported: every package but operation, client and *.internal")
                .isEqualTo(packages.stream().filter(p -> PRIVATE.stream().noneMatch(p::contains)).collect(Collectors.toSet()));
    }

    @Test
    void componentImportsCamelAndJacksonInRangesCamelKarafSatisfiesAndEmbedsNothing() throws IOException {
        Path jar = Bundles.component();
        Attributes manifest = Bundles.manifest(jar).getMainAttributes();
        List<OsgiHeader> imports = OsgiHeader.parse(manifest.getValue("Import-Package"));

        List<OsgiHeader> camel = imports.stream().filter(i -> i.name().startsWith("org.apache.camel")).toList();
        assertThat(camel).extracting(OsgiHeader::name)
                .as("the packages camel-core-osgi's component resolver checks the bundle is wired to")
                .contains("org.apache.camel", "org.apache.camel.spi", "org.apache.camel.support");
        assertThat(camel).allSatisfy(i -> {
            assertThat(i.version()).as(i.name()).isNotNull();
            assertThat(VersionRange.parse(i.version()).includes(CAMEL_KARAF)).as(i.name() + " " + i.version()).isTrue();
            assertThat(VersionRange.parse(i.version()).includes(CAMEL_BUILD)).as(i.name() + " " + i.version()).isTrue();
        });
        List<OsgiHeader> jackson = imports.stream().filter(i -> i.name().startsWith("com.fasterxml.jackson")).toList();
        assertThat(jackson).extracting(OsgiHeader::name).contains("com.fasterxml.jackson.databind");
        assertThat(jackson).allSatisfy(i -> {
            assertThat(i.optional()).as(i.name()).isFalse();
            assertThat(VersionRange.parse(i.version()).includes(JACKSON_KARAF)).as(i.name() + " " + i.version()).isTrue();
        });

        assertThat(packagesIn(jar, "")).as("nothing but our own classes in the jar")
                .allMatch(p -> p.startsWith(OUR_PACKAGES));
        assertThat(manifest.getValue("Bundle-ClassPath")).isIn(null, ".");
        assertThat(manifest.getValue("Embed-Dependency")).isNull();
    }

    @Test
    void componentImportsWhatOptionalDependenciesBringOptionally() {
        List<OsgiHeader> imports
                = OsgiHeader.parse(Bundles.manifest(Bundles.component()).getMainAttributes().getValue("Import-Package"));

        assertThat(imports).filteredOn(i -> i.name().startsWith("org.apache.camel.builder.endpoint"))
                .as("the Endpoint DSL (optional; Camel Karaf has no feature for it)").isNotEmpty()
                .allMatch(OsgiHeader::optional);
        assertOptionalUnlessRequired(imports, COMPONENT_REQUIRED_FAMILIES);
    }

    @Test
    void componentCarriesTheServiceFilesCamelKarafsResolverLooksFor() throws IOException {
        try (JarFile jar = new JarFile(Bundles.component().toFile())) {
            assertThat(jar.getEntry("META-INF/services/org/apache/camel/component/waapi")).isNotNull();
            assertThat(jar.getEntry("META-INF/services/org/apache/camel/configurer/waapi-component")).isNotNull();
            assertThat(jar.getEntry("META-INF/services/org/apache/camel/configurer/waapi-endpoint")).isNotNull();
        }
    }

    @Test
    void sandboxIsABundleOnTheComponentsExportsThatLeavesTheJdkHttpServerToBootDelegation() throws IOException {
        Path jar = Bundles.sandbox();
        Attributes manifest = Bundles.manifest(jar).getMainAttributes();
        List<OsgiHeader> imports = OsgiHeader.parse(manifest.getValue("Import-Package"));
        Set<String> componentExports
                = names(Bundles.manifest(Bundles.component()).getMainAttributes().getValue("Export-Package"));

        assertThat(manifest.getValue("Bundle-SymbolicName")).isEqualTo("com.easycrm4u.camel.waapi.sandbox");
        assertThat(names(manifest.getValue("Export-Package"))).containsExactly(OUR_PACKAGES + ".sandbox");
        assertThat(imports).filteredOn(i -> i.name().startsWith(OUR_PACKAGES + "."))
                .as("the sandbox only uses what the component exports").isNotEmpty()
                .allSatisfy(i -> assertThat(componentExports).contains(i.name()))
                .noneMatch(OsgiHeader::optional);
        assertThat(imports).filteredOn(i -> i.name().startsWith("org.junit") || i.name().startsWith("org.apache.camel.test"))
                .as("JUnit and camel-test-junit5 are optional Maven dependencies").isNotEmpty()
                .allMatch(OsgiHeader::optional);
        assertThat(imports).extracting(OsgiHeader::name).noneMatch(name -> name.startsWith("com.sun."));
        assertOptionalUnlessRequired(imports, REQUIRED_FAMILIES);
    }

    private static void assertOptionalUnlessRequired(List<OsgiHeader> imports, List<String> requiredFamilies) {
        assertThat(imports).filteredOn(i -> !required(i.name(), requiredFamilies))
                .as("imports outside our packages, Camel's core, Jackson, SLF4J and the JDK must come from optional Maven "
                    + "dependencies (imported with resolution:=optional). A required one is a new required dependency: "
                    + "add the Karaf feature that provides it to camel-waapi-karaf's features.xml and its packages here")
                .allMatch(OsgiHeader::optional);
        assertThat(imports).filteredOn(i -> required(i.name(), requiredFamilies))
                .as("imports of required dependencies").noneMatch(OsgiHeader::optional);
    }

    private static boolean required(String pkg, List<String> requiredFamilies) {
        return requiredFamilies.stream().anyMatch(pkg::startsWith) && OPTIONAL_CAMEL.stream().noneMatch(pkg::startsWith);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    private static Set<String> names(String header) {
        return OsgiHeader.parse(header).stream().map(OsgiHeader::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> packagesIn(Path jar, String prefix) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class"))
                    .map(n -> n.substring(0, n.lastIndexOf('/')).replace('/', '.'))
                    .filter(p -> p.startsWith(prefix)).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
