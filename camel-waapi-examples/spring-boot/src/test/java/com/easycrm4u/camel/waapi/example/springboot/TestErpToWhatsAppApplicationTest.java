package com.easycrm4u.camel.waapi.example.springboot;

import java.nio.file.Path;
import java.time.Duration;

import com.easycrm4u.camel.waapi.example.ErpExampleChecks;
import com.easycrm4u.camel.waapi.sandbox.WaapiSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The development-time launcher runs the example end to end on the embedded sandbox, as {@code -Prun-example} does. */
class TestErpToWhatsAppApplicationTest {

    @TempDir
    Path workDir;

    @Test
    void runsTheExampleOnTheEmbeddedSandboxWithoutAnAccount() {
        WaapiSandbox sandbox;
        try (ConfigurableApplicationContext application = TestErpToWhatsAppApplication.run("--server.port=0",
                "--server.address=127.0.0.1", "--example.work-dir=" + workDir)) {
            sandbox = application.getBean(WaapiSandbox.class);

            ErpExampleChecks.assertBatchReported(workDir, sandbox);
            assertThat(sandbox.getConsoleUrl()).as("the launcher serves the sandbox console")
                    .isEqualTo("http://127.0.0.1:" + sandbox.getPort() + "/console");
            // the demo: the first customer whose order was delivered wrote STATUS and got the state of their order
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(sandbox.getSentMessages())
                    .filteredOn(message -> "text".equals(message.getType())).singleElement()
                    .satisfies(reply -> assertThat(reply.getRequest().path("body").asText()).startsWith("Order SO-100")));
        }
        assertThat(sandbox.isStarted()).as("closed with the application").isFalse();
    }
}
