package com.easycrm4u.camel.waapi.compatibility;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static com.easycrm4u.camel.waapi.compatibility.PlatformVersions.assertAllAt;
import static com.easycrm4u.camel.waapi.compatibility.PlatformVersions.assertOneVersion;
import static com.easycrm4u.camel.waapi.compatibility.PlatformVersions.assertPlatformWins;
import static com.easycrm4u.camel.waapi.compatibility.PlatformVersions.compare;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Getting started pom on Camel Main: as documented (Camel 4.18), and on Camel 4.22 with
 * camel-platform-http-vertx in place of camel-platform-http-main (not served at 4.22.x) as docs/compatibility.md says:
 * there the project is built and its tests run (the README's ShippingRoutesTest, and the application itself on Camel
 * Main 4.22 sending to the sandbox and receiving its signed webhooks). camel-waapi changes no version that camel-bom
 * and Camel's modules choose.
 */
class CamelMainLinesTest {

    private static final String DOCS_PROJECT = "camel-waapi-docs-tests";
    private static final String[] PLATFORM_PROBES = { "org.apache.camel:camel-jackson", "org.apache.camel:camel-vertx-common" };

    @Test
    void theReadmePomKeepsCamelsVersions() throws Exception {
        String pom = readmePom();
        Map<String, String> withWaapi = UserProject.create("camel-main-readme", pom).resolvedVersions();
        Map<String, String> platform = UserProject
                .create("camel-main-readme-platform", UserProject.withoutWaapi(pom, PLATFORM_PROBES)).resolvedVersions();

        assertPlatformWins(withWaapi, platform);
        assertAllAt(withWaapi, camelVersion(pom), "org.apache.camel");
        assertOneVersion(withWaapi, "io.vertx");
    }

    @Test
    void camel422OnVertxRunsAndKeepsCamelsVersions() throws Exception {
        String pom = UserProject.setElement(readmePom(), "", "camel.version", "4.22.0")
                .replace("<artifactId>camel-platform-http-main</artifactId>",
                        "<artifactId>camel-platform-http-vertx</artifactId>")
                .replace("<artifactId>camel-test-main-junit5</artifactId>", "<artifactId>camel-test-junit5</artifactId>");
        // camel.server.* configures camel-platform-http-main's server: on 4.22 the application adds Camel's Vert.x one
        String properties
                = Files.readString(UserProject.ROOT.resolve(DOCS_PROJECT + "/src/main/resources/application.properties"),
                        StandardCharsets.UTF_8).replaceAll("(?m)^camel\\.server\\..*$", "");
        UserProject project = UserProject.create("camel-main-4.22", pom)
                .copy(DOCS_PROJECT + "/src/main/java", "src/main/java")
                .write("src/main/resources/application.properties", properties)
                .write("src/test/java/com/example/shipping/ShippingRoutesTest.java", Files.readString(
                        UserProject.ROOT.resolve(DOCS_PROJECT + "/src/test/java/com/example/shipping/ShippingRoutesTest.java"),
                        StandardCharsets.UTF_8))
                .write("src/test/java/com/example/shipping/CamelMainOnVertxTest.java", Files.readString(
                        Path.of("src/test/resources/projects/camel-main/CamelMainOnVertxTest.java"), StandardCharsets.UTF_8));
        // the README's test (routes on a CamelContext) and the application on Camel Main, both on the sandbox
        project.maven(Map.of(), "-Dexpected.camel.version=4.22.0", "verify");
        assertThat(project.dir().resolve("target/surefire-reports/TEST-com.example.shipping.ShippingRoutesTest.xml"))
                .isRegularFile();
        assertThat(project.dir().resolve("target/surefire-reports/TEST-com.example.shipping.CamelMainOnVertxTest.xml"))
                .isRegularFile();

        Map<String, String> withWaapi = project.resolvedVersions();
        Map<String, String> platform = UserProject
                .create("camel-main-4.22-platform", UserProject.withoutWaapi(pom, PLATFORM_PROBES)).resolvedVersions();

        assertPlatformWins(withWaapi, platform);
        assertAllAt(withWaapi, "4.22.0", "org.apache.camel");
        // one Vert.x, Camel 4.22's, and a Jackson not older than Camel 4.22's
        assertOneVersion(withWaapi, "io.vertx");
        assertThat(withWaapi.get("io.vertx:vertx-core")).isEqualTo(platform.get("io.vertx:vertx-web"));
        assertThat(compare(withWaapi.get("com.fasterxml.jackson.core:jackson-databind"),
                platform.get("com.fasterxml.jackson.core:jackson-databind")))
                .as("jackson-databind %s against Camel's %s", withWaapi.get("com.fasterxml.jackson.core:jackson-databind"),
                        platform.get("com.fasterxml.jackson.core:jackson-databind"))
                .isGreaterThanOrEqualTo(0);
    }

    private static String readmePom() throws Exception {
        String pom = UserProject.documentedPom("README.md", DOCS_PROJECT);
        return UserProject.setElement(pom, "", "camel-waapi.version", UserProject.WAAPI_VERSION);
    }

    private static String camelVersion(String pom) {
        int start = pom.indexOf("<camel.version>") + "<camel.version>".length();
        return pom.substring(start, pom.indexOf("</camel.version>", start));
    }
}
