package com.easycrm4u.camel.waapi.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.easycrm4u.camel.waapi.sandbox.SentMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the example end to end on the embedded sandbox, as the README's run command does, and checks the report.
 */
class ErpToWhatsAppApplicationTest {

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path workDir;

    @Test
    void shipsTheBatchReportsEveryStatusAndAnswersStatus() throws Exception {
        try (ErpToWhatsAppApplication application = new ErpToWhatsAppApplication(Map.of(), workDir, false)) {
            CompletableFuture.runAsync(() -> {
                try {
                    application.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).get(90, TimeUnit.SECONDS);

            Map<String, JsonNode> orders = reportedOrders();
            assertThat(orders).containsOnlyKeys("SO-1001", "SO-1002", "SO-1003", "SO-1004", "SO-1005");
            for (String delivered : List.of("SO-1001", "SO-1002", "SO-1003")) {
                assertThat(orders.get(delivered).path("status").asText()).as(delivered).isEqualTo("read");
                assertThat(orders.get(delivered).path("messageId").asText()).as(delivered).startsWith("wamid.");
            }
            assertThat(orders.get("SO-1004").path("status").asText()).isEqualTo("failed");
            assertThat(orders.get("SO-1004").path("error").asText()).contains("131026");
            assertThat(orders.get("SO-1005").path("status").asText()).isEqualTo("rejected");

            JsonNode deadLetter = json.readTree(workDir.resolve("dead-letter/SO-1005.json").toFile());
            assertThat(deadLetter.path("error").asText()).isEqualTo("WaapiValidationException");
            assertThat(deadLetter.path("field").asText()).isEqualTo("to");
            assertThat(deadLetter.path("order").path("orderId").asText()).isEqualTo("SO-1005");

            List<SentMessage> sent = application.getSandbox().getSentMessages();
            assertThat(sent).filteredOn(m -> "template".equals(m.getType())).hasSize(4);
            assertThat(sent).filteredOn(m -> "text".equals(m.getType())).singleElement()
                    .satisfies(reply -> assertThat(reply.getRequest().path("body").asText()).contains("Order SO-100"));
            assertThat(application.getReport().summary())
                    .containsEntry("read", 3).containsEntry("failed", 1).containsEntry("rejected", 1);
        }
    }

    @Test
    void sendsOrdersDroppedIntoTheInbox() throws Exception {
        try (ErpToWhatsAppApplication application = new ErpToWhatsAppApplication(Map.of(), workDir, true)) {
            CompletableFuture<Void> run = CompletableFuture.runAsync(() -> {
                try {
                    application.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Files.createDirectories(workDir.resolve("inbox"));
            Files.writeString(workDir.resolve("inbox/late.json"),
                    "{\"orderId\": \"SO-2001\", \"customerName\": \"Ravi\", \"phone\": \"917890000301\", \"awb\": \"AWB-2001\"}");

            await().atMost(Duration.ofSeconds(60)).untilAsserted(
                    () -> assertThat(reportedOrders()).containsKey("SO-2001")
                            .extractingByKey("SO-2001").extracting(o -> o.path("status").asText()).isEqualTo("read"));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> Files.exists(workDir.resolve("inbox/.done/late.json")));

            application.stop();
            run.get(30, TimeUnit.SECONDS);
        }
    }

    private Map<String, JsonNode> reportedOrders() throws Exception {
        Path file = workDir.resolve("delivery-report.json");
        Map<String, JsonNode> orders = new HashMap<>();
        if (Files.exists(file)) {
            json.readTree(file.toFile()).path("orders").forEach(o -> orders.put(o.path("orderId").asText(), o));
        }
        return orders;
    }
}
