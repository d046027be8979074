package com.easycrm4u.camel.waapi.examples;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import com.easycrm4u.camel.waapi.example.ErpExampleChecks;
import com.easycrm4u.camel.waapi.example.OversizedDeliveries;
import com.easycrm4u.camel.waapi.sandbox.WaapiSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the example end to end on the embedded sandbox, as the README's run command does, and checks the report.
 */
class ErpToWhatsAppApplicationTest {

    @TempDir
    Path workDir;

    @Test
    void shipsTheBatchReportsEveryStatusAndAnswersStatusThenEnds() throws Exception {
        try (ErpToWhatsAppApplication application = new ErpToWhatsAppApplication(Map.of(), workDir, false)) {
            CompletableFuture.runAsync(() -> run(application), ownThread()).get(90, TimeUnit.SECONDS);

            ErpExampleChecks.assertBatchReported(workDir, application.getSandbox());
            // the sandbox demo: the first customer whose order was delivered wrote STATUS and got the state back
            assertThat(application.getSandbox().getSentMessages()).filteredOn(m -> "text".equals(m.getType()))
                    .singleElement()
                    .satisfies(reply -> assertThat(reply.getRequest().path("body").asText()).startsWith("Order SO-100"));
            assertThat(application.getReport().summary())
                    .containsEntry("read", 3).containsEntry("failed", 1).containsEntry("rejected", 1);
        }
    }

    @Test
    void keepsRunningAndSendsOrdersDroppedIntoTheInbox() throws Exception {
        try (ErpToWhatsAppApplication application = new ErpToWhatsAppApplication(Map.of(), workDir, true)) {
            CompletableFuture<Void> run = CompletableFuture.runAsync(() -> run(application), ownThread());

            WaapiSandbox sandbox = await().atMost(Duration.ofSeconds(30)).until(application::getSandbox, Objects::nonNull);
            ErpExampleChecks.assertBatchReported(workDir, sandbox);
            ErpExampleChecks.assertInboxOrderSent(workDir, sandbox);
            // the host of Camel Main (camel-platform-http-main, Vert.x) holds maxBodySize before buffering
            OversizedDeliveries.assertRefusedBeforeBuffering(
                    URI.create(sandbox.getWebhookUrl(sandbox.getPrimaryApiKey().getName())));

            application.stop();
            run.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void withTheConsoleItKeepsRunningAndTheConsoleShowsTheBatch() throws Exception {
        try (ErpToWhatsAppApplication application = new ErpToWhatsAppApplication(Map.of(), workDir, false, true)) {
            CompletableFuture<Void> run = CompletableFuture.runAsync(() -> run(application), ownThread());

            WaapiSandbox sandbox = await().atMost(Duration.ofSeconds(30)).until(application::getSandbox, Objects::nonNull);
            ErpExampleChecks.assertBatchReported(workDir, sandbox);
            HttpResponse<String> state = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(sandbox.getConsoleUrl() + "/api/state")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(state.statusCode()).isEqualTo(200);
            assertThat(state.body()).contains("\"conversations\"", "order_shipped");
            assertThat(run).as("keeps running with the console").isNotDone();

            application.stop();
            run.get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * The application blocks in {@code Main.run()} until it ends: on a thread of its own, as its {@code main} runs,
     * never on the common pool. On Java 25 {@code runAsync} without an executor takes the common pool even where its
     * parallelism is 1 (Java 17 started a thread per task there), and the blocked worker held up the pool's other work.
     */
    private static Executor ownThread() {
        return task -> {
            Thread thread = new Thread(task, "erp-example-main");
            thread.setDaemon(true);
            thread.start();
        };
    }

    private static void run(ErpToWhatsAppApplication application) {
        try {
            application.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
