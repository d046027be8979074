package com.easycrm4u.camel.waapi.docs;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Camel Main application starts on its own classpath, the compile and runtime dependencies of the Getting
 * started pom, without the test jars (camel-test-junit5 brings components such as direct and bean that a test would
 * otherwise lend the application). It runs in a JVM of its own, as {@code exec:java} of
 * {@code org.apache.camel.main.Main} would, with the account variables set, on a free port, for two seconds.
 */
class GettingStartedApplicationTest {

    @Test
    void theApplicationStartsWithTheDependenciesOfTheReadmePom() throws Exception {
        String classpath = Path.of("target", "classes").toAbsolutePath() + File.pathSeparator
                           + Files.readString(Path.of("target", "runtime-classpath.txt"), StandardCharsets.UTF_8).trim();
        Path log = Path.of("target", "getting-started-application.log").toAbsolutePath();
        ProcessBuilder application = new ProcessBuilder(
                List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
                        "-Dcamel.server.host=127.0.0.1", "-Dcamel.server.port=0", "-Dcamel.main.durationMaxSeconds=2",
                        "org.apache.camel.main.Main"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        application.environment().put("WAAPI_API_KEY", "waapi_docs_key");
        application.environment().put("WAAPI_API_SECRET", "secr_docs_secret");
        application.environment().put("WAAPI_FROM_PHONE_NO", "+917890000199");
        application.environment().put("WAAPI_WEBHOOK_VERIFY_TOKEN", "docs_webhook_token");

        Process process = application.start();
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the application ends after durationMaxSeconds").isTrue();
        } finally {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Started order-shipped (direct://orderShipped)")
                .contains("Started delivery-statuses (waapi://webhook)")
                .doesNotContain("Exception");
    }
}
