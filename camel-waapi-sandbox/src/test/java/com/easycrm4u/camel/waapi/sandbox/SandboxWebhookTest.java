package com.easycrm4u.camel.waapi.sandbox;

import java.time.Duration;
import java.util.List;

import com.easycrm4u.camel.waapi.sandbox.RawApi.Answer;
import com.easycrm4u.camel.waapi.sandbox.WebhookReceiver.Received;
import com.easycrm4u.camel.waapi.webhook.WebhookSignature;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Signed, Meta-shaped webhooks: status progressions, failures, inbound messages, retries. */
class SandboxWebhookTest {

    private static final String TOKEN = "hook-secret";
    private static final String CUSTOMER = "+917890000198";
    private static final String NUMBER = "+917890000199";

    private WebhookReceiver receiver;
    private WaapiSandbox sandbox;
    private RawApi api;

    @BeforeEach
    void start() throws Exception {
        receiver = new WebhookReceiver();
        sandbox = WaapiSandbox.builder()
                .apiKey(SandboxApiKey.builder("waapi_hooked").secret("secr_hooked").name("Hooked")
                        .webhook(receiver.url(), TOKEN).build())
                .recipientWithoutWhatsApp("+917890000111")
                .statusInterval(Duration.ofMillis(10))
                .webhookRetries(4, Duration.ofMillis(20), Duration.ofMillis(100))
                .build().start();
        api = new RawApi(sandbox).as("waapi_hooked", "secr_hooked");
    }

    @AfterEach
    void stop() {
        sandbox.close();
        receiver.close();
    }

    @Test
    void aTemplateGoesSentDeliveredReadWithSignedDeliveries() {
        String messageId = sendTemplate("917890000198");

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 3);
        List<Received> received = receiver.received();
        assertThat(received).extracting(r -> status(r).get("status").asText()).containsExactly("sent", "delivered", "read");
        for (Received delivery : received) {
            assertThat(WebhookSignature.verify(delivery.body(), delivery.header(WebhookSignature.HEADER), TOKEN)).isTrue();
            assertThat(WebhookSignature.verify(delivery.body(), delivery.header(WebhookSignature.HEADER), "other")).isFalse();
            assertThat(delivery.header("X-WAAPI-Event")).isEqualTo("messages");
            assertThat(delivery.header("Content-Type")).isEqualTo("application/json");
            assertThat(status(delivery).get("id").asText()).isEqualTo(messageId);
            assertThat(status(delivery).get("recipient_id").asText()).isEqualTo("917890000198");
        }
        assertThat(received).extracting(r -> r.header("X-WAAPI-Delivery")).doesNotHaveDuplicates().doesNotContainNull();

        JsonNode envelope = json(received.get(1));
        assertThat(envelope.get("object").asText()).isEqualTo("whatsapp_business_account");
        assertThat(envelope.at("/entry/0/id").asText()).isEqualTo("959648497055756");
        assertThat(envelope.at("/entry/0/changes/0/field").asText()).isEqualTo("messages");
        JsonNode value = envelope.at("/entry/0/changes/0/value");
        assertThat(value.get("messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(value.at("/metadata/phone_number_id").asText()).isEqualTo(WaapiSandbox.DEFAULT_PHONE_NUMBER_ID);
        assertThat(value.at("/metadata/display_phone_number").asText()).isEqualTo("+917890000199");
        JsonNode delivered = value.at("/statuses/0");
        assertThat(delivered.at("/conversation/origin/type").asText()).isEqualTo("utility");
        assertThat(delivered.at("/conversation/id").asText()).matches("[0-9a-f]{32}");
        assertThat(delivered.at("/pricing/pricing_model").asText()).isEqualTo("CBP");
        assertThat(delivered.at("/pricing/billable").asBoolean()).isTrue();
        assertThat(delivered.get("timestamp").asText()).matches("\\d{10}");
        assertThat(status(received.get(2)).has("pricing")).isFalse();

        assertThat(sandbox.getSentMessage(messageId).getStatuses()).containsExactly("sent", "delivered", "read");
        await().until(() -> sandbox.getDeliveries().stream().allMatch(d -> d.getState() != WebhookDelivery.State.PENDING));
        assertThat(sandbox.getDeliveries("Hooked")).hasSize(3).allSatisfy(d -> {
            assertThat(d.getState()).isEqualTo(WebhookDelivery.State.DELIVERED);
            assertThat(d.getStatusCodes()).containsExactly(200);
            assertThat(d.getMessageId()).isEqualTo(messageId);
        });
    }

    @Test
    void aRecipientWithoutWhatsAppGetsAFailedStatusWith131026() {
        String messageId = sendTemplate("917890000111");

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 1);
        JsonNode failed = status(receiver.received().get(0));
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("id").asText()).isEqualTo(messageId);
        assertThat(failed.at("/errors/0/code").asInt()).isEqualTo(131026);
        assertThat(failed.at("/errors/0/title").asText()).isEqualTo("Message undeliverable");
        assertThat(failed.at("/errors/0/error_data/details").asText())
                .isEqualTo("Recipient phone number does not have WhatsApp installed");
        await().until(() -> sandbox.getSentMessage(messageId).getStatus().equals("failed"));
        assertThat(sandbox.getSentMessage(messageId).getStatuses()).containsExactly("sent", "failed");
    }

    @Test
    void retryableAnswersAreRetriedWithTheSameDeliveryId() {
        receiver.answer(500, 503, 429);
        String messageId = sendTemplate("917890000198");

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 6);
        List<Received> received = receiver.received();
        List<Received> sentAttempts = received.subList(0, 4);
        assertThat(sentAttempts).extracting(r -> status(r).get("status").asText()).containsOnly("sent");
        assertThat(sentAttempts).extracting(r -> r.header("X-WAAPI-Delivery")).containsOnly(
                sentAttempts.get(0).header("X-WAAPI-Delivery"));
        assertThat(sentAttempts).extracting(Received::bodyText).containsOnly(sentAttempts.get(0).bodyText());
        assertThat(received.get(4).header("X-WAAPI-Delivery")).isNotEqualTo(sentAttempts.get(0).header("X-WAAPI-Delivery"));

        WebhookDelivery first = sandbox.getDeliveries().get(0);
        assertThat(first.getStatusCodes()).containsExactly(500, 503, 429, 200);
        assertThat(first.getState()).isEqualTo(WebhookDelivery.State.DELIVERED);
        assertThat(first.getKind()).isEqualTo("sent");
        assertThat(first.getMessageId()).isEqualTo(messageId);
    }

    @Test
    void otherAnswersAreNotRetried() {
        receiver.answer(400);
        sendTemplate("917890000198");

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 3);
        WebhookDelivery first = sandbox.getDeliveries().get(0);
        assertThat(first.getStatusCodes()).containsExactly(400);
        assertThat(first.getState()).isEqualTo(WebhookDelivery.State.REJECTED);
        // the progression goes on
        assertThat(sandbox.getDeliveries()).extracting(WebhookDelivery::getKind).containsExactly("sent", "delivered", "read");
    }

    @Test
    void retriesAreBounded() {
        receiver.answerByDefault(408);
        sandbox.injectText(CUSTOMER, NUMBER, "Hi");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> sandbox.getDeliveries().get(0).getState() == WebhookDelivery.State.EXHAUSTED);
        assertThat(sandbox.getDeliveries().get(0).getStatusCodes()).containsExactly(408, 408, 408, 408);
        assertThat(receiver.received()).hasSize(4);
    }

    @Test
    void unreachableReceiversAreRetriedAndRecordedWithoutAnAnswer() {
        String url = receiver.url();
        receiver.close();
        sandbox.setWebhookUrl("Hooked", url);
        sandbox.injectText(CUSTOMER, NUMBER, "Hi");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> sandbox.getDeliveries().get(0).getState() == WebhookDelivery.State.EXHAUSTED);
        assertThat(sandbox.getDeliveries().get(0).getAttempts()).hasSize(4).allSatisfy(a -> {
            assertThat(a.answered()).isFalse();
            assertThat(a.error()).isNotBlank();
        });
    }

    @Test
    void injectedCustomerMessagesAreSignedMetaEnvelopes() {
        sandbox.putContact(CUSTOMER, "Sayantan", "Kar");
        CustomerMessage text = sandbox.injectText(CUSTOMER, NUMBER, "Hi, is the order shipped?");
        CustomerMessage image = sandbox.injectImage(CUSTOMER, NUMBER, "Is this the right colour?", null);
        CustomerMessage button = sandbox.injectButtonReply(CUSTOMER, NUMBER, "track", "Track order");
        CustomerMessage list = sandbox.injectListReply(CUSTOMER, NUMBER, "row-1", "Delivery", "Change date");

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 4);
        // deliveries run in parallel, so they may arrive in any order (as with Meta)
        java.util.Map<String, JsonNode> byId = new java.util.HashMap<>();
        for (Received r : receiver.received()) {
            assertThat(WebhookSignature.verify(r.body(), r.header(WebhookSignature.HEADER), TOKEN)).isTrue();
            JsonNode value = json(r).at("/entry/0/changes/0/value");
            byId.put(value.at("/messages/0/id").asText(), value);
        }
        JsonNode first = byId.get(text.messageId());
        assertThat(first.at("/contacts/0/profile/name").asText()).isEqualTo("Sayantan");
        assertThat(first.at("/contacts/0/wa_id").asText()).isEqualTo("917890000198");
        assertThat(first.at("/messages/0/from").asText()).isEqualTo("917890000198");
        assertThat(first.at("/messages/0/text/body").asText()).isEqualTo("Hi, is the order shipped?");
        assertThat(first.at("/messages/0/type").asText()).isEqualTo("text");
        assertThat(first.at("/messages/0/timestamp").asText()).matches("\\d{10}");
        JsonNode picture = byId.get(image.messageId()).at("/messages/0");
        assertThat(picture.at("/image/caption").asText()).isEqualTo("Is this the right colour?");
        assertThat(picture.at("/image/mime_type").asText()).isEqualTo("image/jpeg");
        assertThat(picture.at("/image/id").asText()).isNotBlank();
        JsonNode tapped = byId.get(button.messageId()).at("/messages/0");
        assertThat(tapped.at("/interactive/type").asText()).isEqualTo("button_reply");
        assertThat(tapped.at("/interactive/button_reply/id").asText()).isEqualTo("track");
        assertThat(tapped.at("/interactive/button_reply/title").asText()).isEqualTo("Track order");
        JsonNode picked = byId.get(list.messageId()).at("/messages/0");
        assertThat(picked.at("/interactive/type").asText()).isEqualTo("list_reply");
        assertThat(picked.at("/interactive/list_reply/title").asText()).isEqualTo("Delivery");
        assertThat(picked.at("/interactive/list_reply/description").asText()).isEqualTo("Change date");
        assertThat(sandbox.getInboundMessages()).extracting(CustomerMessage::type)
                .containsExactly("text", "image", "interactive", "interactive");
        assertThat(sandbox.getDeliveries()).extracting(WebhookDelivery::getKind)
                .containsExactly("inbound:text", "inbound:image", "inbound:interactive", "inbound:interactive");
        await().until(() -> sandbox.getDeliveries().stream().allMatch(d -> d.getState() != WebhookDelivery.State.PENDING));
        assertThat(sandbox.getDeliveries()).allSatisfy(d -> assertThat(d.getStatusCodes()).containsExactly(200));

        // the window is open now: a text reply goes through
        Answer reply = api.post("/whatsapp-api/messages/text",
                "{\"to\": \"917890000198\", \"fromPhoneNo\": \"+917890000199\", \"body\": \"Yes, AWB-12345\"}");
        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void onlyKeysBoundToTheNumberAndSubscribedToTheEventReceiveIt() throws Exception {
        try (WebhookReceiver other = new WebhookReceiver(); WebhookReceiver filtered = new WebhookReceiver()) {
            sandbox.addApiKey(SandboxApiKey.builder("waapi_other").name("Other").numbers("+15550001111")
                    .webhook(other.url(), "t").build());
            sandbox.addApiKey(SandboxApiKey.builder("waapi_filtered").name("Filtered")
                    .events("message_template_status_update").webhook(filtered.url(), "t").build());
            sandbox.addApiKey(SandboxApiKey.builder("waapi_second").name("Second").webhookVerifyToken("second").build());
            sandbox.setWebhookUrl("Second", receiver.url());
            sandbox.injectText(CUSTOMER, NUMBER, "Hi");

            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 2);
            assertThat(sandbox.getDeliveries()).extracting(WebhookDelivery::getApiKeyName)
                    .containsExactlyInAnyOrder("Hooked", "Second");
            assertThat(other.received()).isEmpty();
            assertThat(filtered.received()).isEmpty();
            Received second = receiver.received().stream()
                    .filter(r -> WebhookSignature.verify(r.body(), r.header(WebhookSignature.HEADER), "second"))
                    .findFirst().orElseThrow();
            assertThat(second.header("X-WAAPI-Delivery")).isNotBlank();
        }
    }

    @Test
    void templateReviewsAreDeliveredAndChangeWhatCanBeSent() {
        sandbox.changeTemplateStatus("order_shipped", "en", "PAUSED", "Low quality");
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 1);
        Received paused = receiver.received().get(0);
        assertThat(paused.header("X-WAAPI-Event")).isEqualTo("message_template_status_update");
        assertThat(WebhookSignature.verify(paused.body(), paused.header(WebhookSignature.HEADER), TOKEN)).isTrue();
        JsonNode entry = json(paused).at("/entry/0");
        assertThat(entry.get("time").asLong()).isPositive();
        assertThat(entry.at("/changes/0/field").asText()).isEqualTo("message_template_status_update");
        JsonNode value = entry.at("/changes/0/value");
        assertThat(value.get("event").asText()).isEqualTo("PAUSED");
        assertThat(value.get("message_template_name").asText()).isEqualTo("order_shipped");
        assertThat(value.get("message_template_language").asText()).isEqualTo("en");
        assertThat(value.get("message_template_id").isNumber()).isTrue();
        assertThat(value.get("reason").asText()).isEqualTo("Low quality");

        Answer refused = api.post("/whatsapp-api/messages/template",
                "{\"to\": \"917890000198\", \"fromPhoneNo\": \"" + NUMBER
                                                                     + "\", \"name\": \"order_shipped\", \"language\": \"en\"}");
        assertThat(refused.json().get("error").asText()).startsWith("(#132001)");

        sandbox.changeTemplateStatus("order_shipped", "en", "APPROVED", null);
        sendTemplate("917890000198");
        await().atMost(Duration.ofSeconds(10)).until(() -> sandbox.getDeliveries().size() >= 2);
        assertThat(sandbox.getDeliveries().get(1).getKind()).isEqualTo("template:APPROVED");
        assertThat(sandbox.getDeliveries().get(1).getMessageId()).isEqualTo(value.get("message_template_id").asText());
    }

    private String sendTemplate(String to) {
        Answer answer = api.post("/whatsapp-api/messages/template", "{\"to\": \"" + to + "\", \"fromPhoneNo\": \"" + NUMBER
                                                                    + "\", \"name\": \"order_shipped\", \"language\": \"en\"}");
        assertThat(answer.status()).isEqualTo(200);
        return answer.json().at("/data/messageId").asText();
    }

    private static JsonNode json(Received received) {
        try {
            return RawApi.JSON.readTree(received.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode status(Received received) {
        return json(received).at("/entry/0/changes/0/value/statuses/0");
    }
}
