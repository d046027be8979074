package com.easycrm4u.camel.waapi.example;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.sandbox.SentMessage;
import com.easycrm4u.camel.waapi.sandbox.WaapiSandbox;
import com.easycrm4u.camel.waapi.sandbox.WebhookDelivery;
import com.easycrm4u.camel.waapi.webhook.WebhookSignature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Predicate;
import org.apache.camel.builder.NotifyBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ERP side and the WAAPI side of the example, over real HTTP, for the Spring Boot and the Quarkus application
 * tests: the application under test is at {@code application} and sends to the {@code sandbox}.
 */
public final class ErpToWhatsAppScenario {

    /** The id of the YAML route that receives the webhooks. */
    public static final String STATUS_ROUTE = "whatsapp-delivery-status";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI application;
    private final WaapiSandbox sandbox;

    public ErpToWhatsAppScenario(URI application, WaapiSandbox sandbox) {
        this.application = application;
        this.sandbox = sandbox;
    }

    /** Forgets earlier sends and points the sandbox's webhooks at the application. */
    public void reset() {
        sandbox.reset();
        sandbox.setWebhookUrl(sandbox.getPrimaryApiKey().getName(), webhookUri().toString());
    }

    public URI webhookUri() {
        return application.resolve("/waapi/webhook");
    }

    /**
     * The whole round trip: the ERP posts a shipped order, the customer gets the order_shipped template, and the
     * sandbox's signed status webhooks about it reach the application's webhook route, up to the read receipt.
     */
    public void assertRoundTrip(CamelContext camelContext, String orderId, String customerName, String phone, String awb) {
        NotifyBuilder read = new NotifyBuilder(camelContext).fromRoute(STATUS_ROUTE)
                .whenAnyDoneMatches(exchange -> "read".equals(exchange.getMessage().getHeader(WaapiConstants.STATUS)))
                .create();

        String messageId = assertTemplateSent(shipOrder(orderId, customerName, phone, awb), phone, customerName, awb);

        assertThat(read.matches(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the read receipt reached the webhook route").isTrue();
        awaitStatusesAcknowledged(messageId);
    }

    /** What the ERP does: posts a shipped order. */
    public HttpResponse<String> shipOrder(String orderId, String customerName, String phone, String awb) {
        return postOrder(JSON.createObjectNode().put("orderId", orderId).put("customerName", customerName)
                .put("phone", phone).put("awb", awb).toString());
    }

    /** Posts this text as a shipped order. */
    public HttpResponse<String> postOrder(String order) {
        return send(HttpRequest.newBuilder(application.resolve("/erp/orders/shipped"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(order)));
    }

    /**
     * Checks that the application answered the order with the send result and that the sandbox received the
     * order_shipped template with the customer's name and the airway bill; returns the message id.
     */
    public String assertTemplateSent(HttpResponse<String> answer, String phone, String customerName, String awb) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        String messageId = read(answer.body()).path("messageId").asText();
        SentMessage sent = sandbox.getSentMessage(messageId);
        assertThat(sent.getType()).isEqualTo("template");
        assertThat(sent.getTo()).isEqualTo(phone);
        JsonNode request = sent.getRequest();
        assertThat(request.path("name").asText()).isEqualTo("order_shipped");
        assertThat(request.path("language").asText()).isEqualTo("en");
        assertThat(request.path("fromPhoneNo").asText()).isEqualTo(WaapiSandbox.DEFAULT_PHONE_NUMBER);
        assertThat(request.path("components").get(0).path("parameters").findValuesAsText("text"))
                .containsExactly(customerName, awb);
        return messageId;
    }

    /** Waits until the sandbox's signed sent, delivered and read webhooks about the message were all answered 2xx. */
    public void awaitStatusesAcknowledged(String messageId) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(sandbox.getDeliveries())
                .filteredOn(delivery -> messageId.equals(delivery.getMessageId()))
                .extracting(delivery -> statusOf(delivery.getBody()))
                .containsExactlyInAnyOrder("sent", "delivered", "read"));
        assertThat(sandbox.getDeliveries()).filteredOn(delivery -> messageId.equals(delivery.getMessageId()))
                .allSatisfy(delivery -> assertThat(delivery.getState()).isEqualTo(WebhookDelivery.State.DELIVERED));
    }

    /** The body of the sandbox's "delivered" webhook about the message, once it was sent. */
    public String awaitDeliveredWebhook(String messageId) {
        return await().atMost(PATIENCE).until(() -> sandbox.getDeliveries().stream()
                .filter(delivery -> messageId.equals(delivery.getMessageId()) && "delivered".equals(statusOf(delivery.getBody())))
                .map(WebhookDelivery::getBody)
                .findFirst().orElse(null), body -> body != null);
    }

    /** Posts a webhook delivery as WAAPI does, with this delivery id and signature. */
    public HttpResponse<String> postWebhook(String deliveryId, String body, String signature) {
        return send(HttpRequest.newBuilder(webhookUri())
                .header("Content-Type", "application/json")
                .header(WebhookSignature.HEADER, signature)
                .header("X-WAAPI-Event", "messages")
                .header("X-WAAPI-Delivery", deliveryId)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A NotifyBuilder predicate: the exchange came from the webhook delivery with this id. */
    public static Predicate fromDelivery(String deliveryId) {
        return exchange -> deliveryId.equals(exchange.getMessage().getHeader(WaapiConstants.DELIVERY_ID));
    }

    /** The error message of a 400 answer. */
    public static String errorOf(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        return read(answer.body()).path("error").asText();
    }

    private static String statusOf(String delivery) {
        return read(delivery).at("/entry/0/changes/0/value/statuses/0/status").asText();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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
