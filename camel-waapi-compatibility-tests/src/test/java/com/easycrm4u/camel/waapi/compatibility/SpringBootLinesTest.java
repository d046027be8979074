package com.easycrm4u.camel.waapi.compatibility;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.easycrm4u.camel.waapi.compatibility.PlatformVersions.assertAllAt;
import static com.easycrm4u.camel.waapi.compatibility.PlatformVersions.assertOneVersion;
import static com.easycrm4u.camel.waapi.compatibility.PlatformVersions.assertPlatformWins;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/spring-boot.md's Getting started project, its pom as documented with only the Spring Boot and Camel versions of
 * each line set: no camel-bom beside camel-spring-boot-bom. It builds, its tests pass (the application starts, and the
 * sandbox's signed webhooks are answered 200 by its routes), it starts with the documented application.properties
 * without a SECURITY WARNING, and camel-waapi changes no version that Spring Boot and Camel choose.
 */
class SpringBootLinesTest {

    // the values of the documented application.properties' environment variables, for the start without the sandbox
    private static final Map<String, String> ENVIRONMENT = Map.of("WAAPI_API_KEY", "compatibility-key",
            "WAAPI_API_SECRET", "compatibility-secret", "WAAPI_FROM_PHONE_NO", "+15550000000",
            "WAAPI_WEBHOOK_VERIFY_TOKEN", "compatibility-token");

    // not the starter's own Vert.x (Camel 4.18's, 4.5.24): Camel 4.22's
    private static final String APPLICATION_VERTX = "4.5.31";

    @ParameterizedTest(name = "Spring Boot {0}, camel-spring-boot-bom {1}")
    @CsvSource({ "4.0.7, 4.22.0", "3.5.10, 4.18.0" })
    void theDocumentedProjectRunsOnTheLine(String springBoot, String camel) throws Exception {
        String pom = UserProject.documentedPom("docs/spring-boot.md", "camel-waapi-docs-tests/spring-boot");
        assertThat(pom).doesNotContain("<artifactId>camel-bom</artifactId>");
        pom = UserProject.setElement(pom, "<artifactId>spring-boot-starter-parent</artifactId>", "version", springBoot);
        pom = UserProject.setElement(pom, "", "camel-spring-boot.version", camel);
        pom = UserProject.setElement(pom, "", "camel-waapi.version", UserProject.WAAPI_VERSION);

        UserProject project = UserProject.create("spring-boot-" + springBoot, pom)
                .copy("camel-waapi-docs-tests/src/main/java", "src/main/java")
                .copy("camel-waapi-docs-tests/spring-boot/src", "src")
                .write("src/test/java/com/example/shipping/DocumentedConfigurationTest.java",
                        Files.readString(Path.of("src/test/resources/projects/spring-boot/DocumentedConfigurationTest.java"),
                                StandardCharsets.UTF_8));
        project.maven(ENVIRONMENT, "verify");
        assertThat(project.dir().resolve("target/surefire-reports/TEST-com.example.shipping.ShippingApplicationTest.xml"))
                .isRegularFile();
        assertThat(project.dir().resolve("target/surefire-reports/TEST-com.example.shipping.DocumentedConfigurationTest.xml"))
                .isRegularFile();

        Map<String, String> withWaapi = project.resolvedVersions();
        Map<String, String> platform = UserProject.create("spring-boot-" + springBoot + "-platform",
                UserProject.withoutWaapi(pom, "com.fasterxml.jackson.core:jackson-databind",
                        "org.apache.camel.springboot:camel-jackson-starter"))
                .resolvedVersions();
        assertPlatformWins(withWaapi, platform);
        assertAllAt(withWaapi, camel, "org.apache.camel", "org.apache.camel.springboot");
        assertOneVersion(withWaapi, "io.vertx");
        assertThat(withWaapi).containsKeys("com.easycrm4u.waapi:camel-waapi", "io.vertx:vertx-core");
    }

    /**
     * Neither Spring Boot's BOM nor camel-spring-boot-bom chooses a Vert.x, so the starter brings vertx-core at a
     * version of its own; an application that chooses one (Vert.x's BOM here, at another version) gets its own
     * everywhere.
     */
    @Test
    void aVertxVersionTheApplicationChoosesWins() throws Exception {
        String pom = UserProject.documentedPom("docs/spring-boot.md", "camel-waapi-docs-tests/spring-boot");
        pom = UserProject.setElement(pom, "<artifactId>spring-boot-starter-parent</artifactId>", "version", "4.0.7");
        pom = UserProject.setElement(pom, "", "camel-spring-boot.version", "4.22.0");
        pom = UserProject.setElement(pom, "", "camel-waapi.version", UserProject.WAAPI_VERSION);
        pom = pom.replaceFirst("<dependencyManagement>\\s*<dependencies>",
                "<dependencyManagement><dependencies><dependency><groupId>io.vertx</groupId>"
                                                                           + "<artifactId>vertx-dependencies</artifactId><version>"
                                                                           + APPLICATION_VERTX + "</version>"
                                                                           + "<type>pom</type><scope>import</scope></dependency>");

        Map<String, String> resolved = UserProject.create("spring-boot-own-vertx", pom).resolvedVersions();

        assertThat(resolved.get("io.vertx:vertx-core")).isEqualTo(APPLICATION_VERTX);
        assertAllAt(resolved, APPLICATION_VERTX, "io.vertx");
    }
}
