package com.easycrm4u.camel.waapi.karaf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import com.easycrm4u.camel.waapi.karaf.fixture.UsesCamel418Api;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * camel-waapi is compiled against Camel 4.18 but imports Camel from 4.14 on: its byte code (and the sandbox's) must
 * link against the Camel 4.14.5 and Jackson 2.19.4 that Camel Karaf 4.14.5 repackages as bundles, or it would fail in
 * Karaf with NoSuchMethodError / NoClassDefFoundError at the first message. Packages imported optionally (the Endpoint
 * DSL, camel-test-junit5) are not checked: Karaf does not have them.
 */
class CamelKarafApiCompatibilityTest {

    private static final Path API_DIR = Path.of(System.getProperty("camel-karaf.api.dir", "target/camel-karaf-api"));
    private static final List<String> CHECKED = List.of("org/apache/camel/", "com/fasterxml/jackson/");

    @Test
    void componentAndSandboxUseNoCamelOrJacksonApiNewerThanCamelKarafShips() throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        classes.putAll(classesIn(Bundles.component()));
        classes.putAll(classesIn(Bundles.sandbox()));

        try (ApiLinkage linkage = new ApiLinkage(camelKarafApi(), CHECKED, optionalImports())) {
            assertThat(classes).hasSizeGreaterThan(50);
            assertThat(linkage.unresolved(classes)).isEmpty();
            assertThat(linkage.checkedReferences()).as("Camel and Jackson classes, fields and methods used").isGreaterThan(500);
        }
    }

    @Test
    void theCheckRefusesAClassAndAMethodThatCamel418Added() throws IOException {
        try (InputStream in = UsesCamel418Api.class.getResourceAsStream(UsesCamel418Api.class.getSimpleName() + ".class");
             ApiLinkage linkage = new ApiLinkage(camelKarafApi(), CHECKED, List.of())) {
            Set<String> problems = linkage.unresolved(Map.of("fixture", in.readAllBytes()));

            assertThat(problems).anyMatch(p -> p.startsWith("missing class org.apache.camel.spi.SimpleFunctionRegistry"))
                    .anyMatch(p -> p.startsWith("missing method org.apache.camel.CamelContext.getRouteIds()"));
        }
    }

    /** The packages the two bundles import with resolution:=optional, as internal-name prefixes. */
    private static List<String> optionalImports() {
        return Stream.of(Bundles.component(), Bundles.sandbox())
                .flatMap(jar -> OsgiHeader.parse(Bundles.manifest(jar).getMainAttributes().getValue("Import-Package")).stream())
                .filter(OsgiHeader::optional).map(i -> i.name().replace('.', '/') + "/").distinct().toList();
    }

    private static List<Path> camelKarafApi() throws IOException {
        try (Stream<Path> files = Files.list(API_DIR)) {
            List<Path> jars = files.filter(f -> f.toString().endsWith(".jar"))
                    .filter(f -> !f.getFileName().toString().startsWith("camel-core-osgi")).sorted().toList();
            assertThat(jars).as("Camel and Jackson jars copied to " + API_DIR + " by the build").hasSizeGreaterThan(10);
            return jars;
        }
    }

    private static Map<String, byte[]> classesIn(Path jar) throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (var entry : file.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                try (InputStream in = file.getInputStream(entry)) {
                    classes.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return classes;
    }
}
