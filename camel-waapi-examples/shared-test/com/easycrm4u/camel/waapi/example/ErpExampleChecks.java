package com.easycrm4u.camel.waapi.example;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.examples.erp.OrderBook;
import com.easycrm4u.camel.waapi.sandbox.SentMessage;
import com.easycrm4u.camel.waapi.sandbox.WaapiSandbox;
import com.easycrm4u.camel.waapi.sandbox.WebhookDelivery;
import com.easycrm4u.camel.waapi.webhook.WebhookSignature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the tests of the three example applications (Camel Main, Spring Boot, Quarkus) check of the one set of ERP to
 * WhatsApp routes they all run, against the WAAPI sandbox and over real HTTP.
 */
public final class ErpExampleChecks {

    /** The id of the YAML route that receives the webhooks. */
    public static final String WEBHOOK_ROUTE = "whatsapp-webhook";
    /** The customer of order SO-1001 in the shipped batch. */
    public static final String FIRST_CUSTOMER = "917890000198";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ErpExampleChecks() {
    }

    /** A sandbox as the example's tests need it: started, with the batch's "no WhatsApp" recipient. */
    public static WaapiSandbox startSandbox() {
        return WaapiSandbox.builder().recipientWithoutWhatsApp(OrderBook.BATCH_RECIPIENT_WITHOUT_WHATSAPP).build().start();
    }

    /**
     * Waits until the shipped batch is reported in {@code workDir/delivery-report.json}, then checks it: three orders
     * read, the "no WhatsApp" one failed with 131026, the malformed one rejected into the dead-letter folder without a
     * call; and the sandbox received the four order_shipped templates with the customers' names and airway bills.
     */
    public static void assertBatchReported(Path workDir, WaapiSandbox sandbox) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(reportedOrders(workDir))
                .containsKeys("SO-1001", "SO-1002", "SO-1003", "SO-1004", "SO-1005")
                .allSatisfy((orderId, order) -> assertThat(order.path("status").asText()).as(orderId)
                        .isIn("read", "failed", "rejected")));

        Map<String, JsonNode> orders = reportedOrders(workDir);
        for (String read : List.of("SO-1001", "SO-1002", "SO-1003")) {
            assertThat(orders.get(read).path("status").asText()).as(read).isEqualTo("read");
            assertThat(orders.get(read).path("messageId").asText()).as(read).startsWith("wamid.");
        }
        assertThat(orders.get("SO-1004").path("status").asText()).isEqualTo("failed");
        assertThat(orders.get("SO-1004").path("error").asText()).contains("131026");
        assertThat(orders.get("SO-1005").path("status").asText()).isEqualTo("rejected");

        JsonNode deadLetter = read(workDir.resolve("dead-letter/SO-1005.json"));
        assertThat(deadLetter.path("error").asText()).isEqualTo("WaapiValidationException");
        assertThat(deadLetter.path("field").asText()).isEqualTo("to");
        assertThat(deadLetter.path("order").path("orderId").asText()).isEqualTo("SO-1005");

        SentMessage first = sandbox.getSentMessage(orders.get("SO-1001").path("messageId").asText());
        assertThat(first.getType()).isEqualTo("template");
        assertThat(first.getTo()).isEqualTo(FIRST_CUSTOMER);
        assertThat(first.getRequest().path("name").asText()).isEqualTo("order_shipped");
        assertThat(first.getRequest().path("language").asText()).isEqualTo("en");
        assertThat(first.getRequest().path("fromPhoneNo").asText()).isEqualTo(WaapiSandbox.DEFAULT_PHONE_NUMBER);
        assertThat(first.getRequest().path("components").get(0).path("parameters").findValuesAsText("text"))
                .containsExactly("Sayantan", "AWB-12345");
        assertThat(sandbox.getSentMessages()).filteredOn(m -> "order_shipped".equals(m.getRequest().path("name").asText()))
                .extracting(SentMessage::getTo)
                .contains(FIRST_CUSTOMER, "917890000201", "917890000202", OrderBook.BATCH_RECIPIENT_WITHOUT_WHATSAPP)
                .doesNotContain("12-AB");
    }

    /**
     * A customer of the batch writes STATUS (which opens the 24-hour window); the webhook route answers with a text
     * listing the customer's order and its state. Call after the batch is reported.
     */
    public static void assertStatusQuestionAnswered(WaapiSandbox sandbox) {
        long repliesBefore = textsTo(sandbox, FIRST_CUSTOMER).size();

        sandbox.injectText(FIRST_CUSTOMER, WaapiSandbox.DEFAULT_PHONE_NUMBER, "status");

        await().atMost(PATIENCE).until(() -> textsTo(sandbox, FIRST_CUSTOMER).size() > repliesBefore);
        List<SentMessage> replies = textsTo(sandbox, FIRST_CUSTOMER);
        assertThat(replies.get(replies.size() - 1).getRequest().path("body").asText())
                .isEqualTo("Order SO-1001 (AWB-12345): read");
    }

    /**
     * An order file dropped into {@code workDir/inbox} is sent, reported up to read, and moved to {@code .done}; the same
     * order dropped again is not sent again.
     */
    public static void assertInboxOrderSent(Path workDir, WaapiSandbox sandbox) {
        String orderId = "SO-" + UUID.randomUUID();
        writeOrder(workDir, orderId, orderId);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(reportedOrders(workDir)).containsKey(orderId)
                .extractingByKey(orderId).extracting(order -> order.path("status").asText()).isEqualTo("read"));
        String messageId = reportedOrders(workDir).get(orderId).path("messageId").asText();
        assertThat(sandbox.getSentMessage(messageId).getTo()).isEqualTo("917890000301");
        await().atMost(PATIENCE).until(() -> Files.exists(workDir.resolve("inbox/.done/" + orderId + ".json")));

        // the same order dropped again: its send-once key (the order id) was sent, so nothing is sent
        writeOrder(workDir, orderId + "-again", orderId);
        await().atMost(PATIENCE).until(() -> Files.exists(workDir.resolve("inbox/.done/" + orderId + "-again.json")));
        assertThat(sandbox.getSentMessages()).filteredOn(m -> "917890000301".equals(m.getTo()))
                .as("order_shipped messages of order %s", orderId).hasSize(1);
    }

    private static void writeOrder(Path workDir, String fileName, String orderId) {
        try {
            Files.createDirectories(workDir.resolve("inbox"));
            Files.writeString(workDir.resolve("inbox/" + fileName + ".json"), JSON.createObjectNode().put("orderId", orderId)
                    .put("customerName", "Ravi").put("phone", "917890000301").put("awb", "AWB-2001").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The application's webhook at {@code webhook} refuses a delivery whose bytes were changed after signing and one
     * signed with another secret (401, not routed), and routes the same bytes once they are signed with the verify
     * token. Call after the batch is reported, so the sandbox has made deliveries.
     */
    public static void assertOnlyCorrectlySignedDeliveriesRouted(CamelContext camelContext, URI webhook, WaapiSandbox sandbox) {
        String delivered = sandbox.getDeliveries().stream()
                .map(WebhookDelivery::getBody)
                .filter(body -> "delivered".equals(read(body).at("/entry/0/changes/0/value/statuses/0/status").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("the sandbox made no 'delivered' webhook delivery"));
        // another event (an event already routed would be acknowledged and not routed again, whoever signed it)
        String tampered = delivered.replace("\"delivered\"", "\"read\"").replace("\"wamid.", "\"wamid.tampered-");
        String deliveryId = "test-" + UUID.randomUUID();
        NotifyBuilder routed = new NotifyBuilder(camelContext).fromRoute(WEBHOOK_ROUTE)
                .whenAnyDoneMatches(exchange -> deliveryId.equals(exchange.getMessage().getHeader(WaapiConstants.DELIVERY_ID)))
                .create();

        assertThat(postWebhook(webhook, deliveryId, tampered,
                WebhookSignature.sign(delivered, WaapiSandbox.DEFAULT_WEBHOOK_VERIFY_TOKEN)).statusCode())
                .as("the signature of the original bytes on changed bytes").isEqualTo(401);
        assertThat(postWebhook(webhook, deliveryId, tampered, WebhookSignature.sign(tampered, "not-the-verify-token"))
                .statusCode()).as("signed with another secret").isEqualTo(401);
        assertThat(routed.matches()).as("a refused delivery is not routed").isFalse();

        assertThat(postWebhook(webhook, deliveryId, tampered,
                WebhookSignature.sign(tampered, WaapiSandbox.DEFAULT_WEBHOOK_VERIFY_TOKEN)).statusCode()).isEqualTo(200);
        assertThat(routed.matches(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    /**
     * The API key's "Send test event" (signed JSON that is no Meta envelope) reaches the webhook route as an unknown
     * event, which the example logs, and is acknowledged, so WAAPI shows the webhook URL as working.
     */
    public static void assertTestEventRouted(CamelContext camelContext, WaapiSandbox sandbox) {
        NotifyBuilder routed = new NotifyBuilder(camelContext).fromRoute(WEBHOOK_ROUTE)
                .whenAnyDoneMatches(exchange -> "test".equals(exchange.getMessage().getHeader(WaapiConstants.EVENT_TYPE))
                                                && "unknown".equals(exchange.getMessage().getHeader(WaapiConstants.EVENT_KIND))
                                                && exchange.getMessage().getBody() instanceof JsonNode body
                                                && "test".equals(body.path("event").asText())
                                                && exchange.getException() == null)
                .create();

        WebhookDelivery delivery = sandbox.sendTestEvent(WaapiSandbox.DEFAULT_API_KEY_NAME);

        assertThat(routed.matches(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the test event routed").isTrue();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(delivery.getState()).isEqualTo(WebhookDelivery.State.DELIVERED));
    }

    /** The orders of {@code workDir/delivery-report.json} by id; none before the report is first written. */
    public static Map<String, JsonNode> reportedOrders(Path workDir) {
        Path file = workDir.resolve("delivery-report.json");
        Map<String, JsonNode> orders = new HashMap<>();
        if (Files.exists(file)) {
            read(file).path("orders").forEach(order -> orders.put(order.path("orderId").asText(), order));
        }
        return orders;
    }

    private static List<SentMessage> textsTo(WaapiSandbox sandbox, String customer) {
        return sandbox.getSentMessages().stream()
                .filter(m -> "text".equals(m.getType()) && customer.equals(m.getTo()))
                .toList();
    }

    private static HttpResponse<String> postWebhook(URI webhook, String deliveryId, String body, String signature) {
        HttpRequest request = HttpRequest.newBuilder(webhook)
                .header("Content-Type", "application/json")
                .header(WebhookSignature.HEADER, signature)
                .header("X-WAAPI-Event", "messages")
                .header("X-WAAPI-Delivery", deliveryId)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
