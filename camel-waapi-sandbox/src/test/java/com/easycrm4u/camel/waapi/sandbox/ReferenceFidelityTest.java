package com.easycrm4u.camel.waapi.sandbox;

import java.time.Duration;
import java.time.Instant;
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

/**
 * Where the reference is explicit, the sandbox answers as it says; where the sandbox must guess (test and QR-session
 * events), it sends something plausible the same signed way.
 */
class ReferenceFidelityTest {

    private static final String TOKEN = "hook-secret";
    private static final String NUMBER = "+917890000199";
    private static final String REFUSED = "+917890000112";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-17T12:00:00Z"));
    private WebhookReceiver receiver;
    private WaapiSandbox sandbox;
    private RawApi api;

    @BeforeEach
    void start() throws Exception {
        receiver = new WebhookReceiver();
        sandbox = WaapiSandbox.builder()
                .clock(clock)
                .apiKey(SandboxApiKey.builder("waapi_main").secret("secr_main").name("Main")
                        .webhook(receiver.url(), TOKEN).build())
                .recipientWithoutWhatsApp("+917890000111")
                .recipientWithoutWhatsApp(REFUSED, WithoutWhatsApp.SEND_ERROR)
                .statusInterval(Duration.ofMillis(10))
                .webhookRetries(3, Duration.ofMillis(20), Duration.ofMillis(100))
                .build().start();
        api = new RawApi(sandbox).as("waapi_main", "secr_main");
    }

    @AfterEach
    void stop() {
        sandbox.close();
        receiver.close();
    }

    // 1. a recipient without WhatsApp: refused at once, as the reference's error example, byte for byte

    @Test
    void aRecipientWithoutWhatsAppCanBeRefusedAtSendWithTheReferenceExample() {
        sandbox.openServiceWindow(REFUSED, NUMBER);
        for (String[] send : new String[][] {
                { "/whatsapp-api/messages/template", "\"name\": \"order_shipped\", \"language\": \"en\"" },
                { "/whatsapp-api/messages/text", "\"body\": \"Hi\"" },
                { "/whatsapp-api/messages/image", "\"link\": \"https://example.com/order.jpg\"" },
                { "/whatsapp-api/messages/send", "\"type\": \"text\", \"payload\": {\"body\": \"Hi\"}" } }) {
            Answer answer
                    = api.post(send[0], "{\"to\": \"917890000112\", \"fromPhoneNo\": \"" + NUMBER + "\", " + send[1] + "}");

            assertThat(answer.status()).as(send[0]).isEqualTo(400);
            assertThat(answer.response().body()).as(send[0])
                    .isEqualTo(
                            "{\"success\":false,\"error\":\"(#131026) Recipient phone number does not have WhatsApp installed\"}");
        }
        assertThat(sandbox.getSentMessages()).isEmpty();
        assertThat(sandbox.getContacts()).isEmpty();
        // the other way stays: accepted, then a failed status
        Answer accepted = api.post("/whatsapp-api/messages/template",
                "{\"to\": \"917890000111\", \"fromPhoneNo\": \"" + NUMBER
                                                                      + "\", \"name\": \"order_shipped\", \"language\": \"en\"}");
        assertThat(accepted.status()).isEqualTo(200);
        String failed = accepted.json().at("/data/messageId").asText();
        assertThat(sandbox.awaitStatus("failed", failed)).singleElement()
                .satisfies(m -> assertThat(m.getStatuses()).containsExactly("sent", "failed"));
    }

    // 2. the API lists connected QR sessions only; introspection shows them all

    @Test
    void theApiListsConnectedQrSessionsOnly() {
        sandbox.addQrSession("sess_off", "Spare phone", NUMBER, false);

        Answer answer = api.get("/whatsapp-qr/sessions");

        assertThat(answer.json().get("count").asInt()).isEqualTo(1);
        assertThat(answer.json().at("/data/0/sessionId").asText()).isEqualTo(WaapiSandbox.DEFAULT_QR_SESSION_ID);
        assertThat(sandbox.getQrSessions()).extracting(s -> s.getSessionId() + "=" + s.getStatus())
                .containsExactly("sess_abc=connected", "sess_off=disconnected");
    }

    // 6. signed deliveries that are not Meta envelopes: the key's test event and QR session events

    @Test
    void theKeysTestEventIsSignedAndRetriedLikeEveryDelivery() {
        receiver.answer(503);

        WebhookDelivery delivery = sandbox.sendTestEvent("Main");

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 2);
        List<Received> attempts = receiver.received();
        for (Received attempt : attempts) {
            assertThat(WebhookSignature.verify(attempt.body(), attempt.header(WebhookSignature.HEADER), TOKEN)).isTrue();
            assertThat(attempt.header("X-WAAPI-Event")).isEqualTo("test");
            assertThat(attempt.header("X-WAAPI-Delivery")).isEqualTo(delivery.getDeliveryId());
            assertThat(attempt.bodyText()).isEqualTo(delivery.getBody());
        }
        JsonNode event = json(attempts.get(0));
        assertThat(event.get("event").asText()).isEqualTo("test");
        assertThat(event.at("/data/apiKeyName").asText()).isEqualTo("Main");
        assertThat(event.get("timestamp").asText()).isEqualTo("2026-06-17T12:00:00.000Z");
        assertThat(event.has("object")).as("not a Meta envelope").isFalse();
        await().until(() -> delivery.getState() == WebhookDelivery.State.DELIVERED);
        assertThat(delivery.getStatusCodes()).containsExactly(503, 200);
        assertThat(delivery.getKind()).isEqualTo("test");
    }

    @Test
    void aQrSessionThatDisconnectsOrConnectsIsDeliveredAsAnEvent() throws Exception {
        try (WebhookReceiver cloudOnly = new WebhookReceiver()) {
            sandbox.addApiKey(SandboxApiKey.builder("waapi_cloud").name("Cloud").services(SandboxApiKey.Service.CLOUD_API)
                    .webhook(cloudOnly.url(), "t").build());

            sandbox.setQrSessionConnected(WaapiSandbox.DEFAULT_QR_SESSION_ID, false);
            sandbox.setQrSessionConnected(WaapiSandbox.DEFAULT_QR_SESSION_ID, false);
            sandbox.setQrSessionConnected(WaapiSandbox.DEFAULT_QR_SESSION_ID, true);

            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 2);
            assertThat(receiver.received()).allSatisfy(r -> {
                assertThat(WebhookSignature.verify(r.body(), r.header(WebhookSignature.HEADER), TOKEN)).isTrue();
                assertThat(r.header("X-WAAPI-Event")).isEqualTo("qr_session");
            });
            assertThat(receiver.received()).extracting(r -> json(r).at("/data/status").asText())
                    .containsExactlyInAnyOrder("disconnected", "connected");
            JsonNode event = json(receiver.received().get(0));
            assertThat(event.get("event").asText()).isEqualTo("qr_session");
            assertThat(event.at("/data/sessionId").asText()).isEqualTo("sess_abc");
            assertThat(event.at("/data/sessionName").asText()).isEqualTo("Primary");
            assertThat(event.at("/data/phoneNumber").asText()).isEqualTo("917890000199");
            assertThat(sandbox.getDeliveries("Main")).extracting(WebhookDelivery::getKind)
                    .containsExactly("qr_session:disconnected", "qr_session:connected");
            // a key without the QR service does not get QR events
            assertThat(sandbox.getDeliveries("Cloud")).isEmpty();
            assertThat(cloudOnly.received()).isEmpty();
        }
    }

    // 7. where the reference is explicit: media links are public HTTPS; documented types and sizes

    @Test
    void aMediaLinkMustBeAPublicHttpsUrl() {
        sandbox.openServiceWindow("+917890000198", NUMBER);
        assertThat(error(api.post("/whatsapp-api/messages/image", media("http://example.com/order.jpg"))))
                .isEqualTo("'link' must be a public HTTPS URL, got 'http://example.com/order.jpg'");
        assertThat(error(api.post("/whatsapp-api/messages/image", media("https://127.0.0.1:8443/order.jpg"))))
                .isEqualTo("'link' must be a public HTTPS URL; 127.0.0.1 is a local address");
        assertThat(error(api.post("/whatsapp-api/messages/document", media("https://localhost/invoice.pdf"))))
                .contains("localhost is a local address");
        assertThat(error(api.post("/whatsapp-api/messages/send", "{\"to\": \"917890000198\", \"fromPhoneNo\": \"" + NUMBER
                                                                 + "\", \"type\": \"image\", \"payload\": {\"link\": "
                                                                 + "\"http://example.com/a.jpg\"}}")))
                .startsWith("'payload.link' must be a public HTTPS URL");
        assertThat(error(api.post("/whatsapp-qr/messages/image", media("http://example.com/order.jpg"))))
                .startsWith("'link' must be a public HTTPS URL");
        assertThat(api.post("/whatsapp-api/messages/image", media("https://example.com/order.jpg")).status()).isEqualTo(200);
    }

    @Test
    void theDocumentedMediaTypesAndSizesHoldOnWhatTheSandboxCanSee() {
        sandbox.openServiceWindow("+917890000198", NUMBER);
        // the type a link's file extension shows
        assertThat(error(api.post("/whatsapp-api/messages/image", media("https://example.com/anim.gif"))))
                .isEqualTo("(#131053) Media upload error: image must be JPG or PNG, not image/gif");
        assertThat(error(api.post("/whatsapp-api/messages/video", media("https://example.com/clip.mov"))))
                .startsWith("(#131053) Media upload error: video must be mp4 or 3gp");
        assertThat(error(api.post("/whatsapp-api/messages/audio", media("https://example.com/voice.wav"))))
                .startsWith("(#131053) Media upload error: audio must be aac, mp3, ogg, amr or m4a");
        assertThat(error(api.post("/whatsapp-api/messages/sticker", media("https://example.com/s.png"))))
                .startsWith("(#131053) Media upload error: sticker must be webp");
        for (String[] allowed : new String[][] {
                { "image", "a.PNG" }, { "video", "a.3gp" }, { "audio", "a.m4a" },
                { "sticker", "a.webp" }, { "document", "a.docx" }, { "image", "no-extension" } }) {
            assertThat(api.post("/whatsapp-api/messages/" + allowed[0], media("https://example.com/" + allowed[1])).status())
                    .as(allowed[0] + " " + allowed[1]).isEqualTo(200);
        }
        // the type and size of a file the test declared
        sandbox.putMediaFile("https://cdn.example.com/f/1", "image/png", 5L * 1024 * 1024 + 1);
        assertThat(error(api.post("/whatsapp-api/messages/image", media("https://cdn.example.com/f/1"))))
                .isEqualTo("(#131053) Media upload error: image must be at most 5 MB, this one has 5242881 bytes");
        sandbox.putMediaFile("https://cdn.example.com/f/2", "video/mp4", 16L * 1024 * 1024);
        assertThat(api.post("/whatsapp-api/messages/video", media("https://cdn.example.com/f/2")).status()).isEqualTo(200);
        sandbox.putMediaFile("https://cdn.example.com/f/3", "application/zip", 100L * 1024 * 1024 + 1);
        assertThat(error(api.post("/whatsapp-api/messages/document", media("https://cdn.example.com/f/3"))))
                .contains("document must be at most 100 MB");
        sandbox.putMediaFile("https://cdn.example.com/f/4", "image/jpeg", 1000);
        assertThat(error(api.post("/whatsapp-api/messages/audio", media("https://cdn.example.com/f/4"))))
                .endsWith("not image/jpeg");
    }

    // 8. per-minute and per-hour quotas; a 429 without Retry-After on demand

    @Test
    void theHourlyQuotaHoldsBesideThePerMinuteOne() {
        sandbox.addApiKey(SandboxApiKey.builder("waapi_hourly").name("Hourly").quotaPerMinute(2).quotaPerHour(3).build());
        RawApi hourly = api.as("waapi_hourly", null);
        assertThat(hourly.get("/ping").status()).isEqualTo(200);
        assertThat(hourly.get("/ping").status()).isEqualTo(200);
        Answer perMinute = hourly.get("/ping");
        assertThat(perMinute.status()).isEqualTo(429);
        assertThat(perMinute.json().get("message").asText()).contains("2 requests per minute");
        assertThat(perMinute.header("Retry-After")).isEqualTo("60");

        clock.advance(Duration.ofMinutes(10));
        assertThat(hourly.get("/ping").status()).isEqualTo(200);
        Answer perHour = hourly.get("/ping");
        assertThat(perHour.status()).isEqualTo(429);
        assertThat(perHour.json().get("message").asText())
                .isEqualTo("Rate limit exceeded: this API key allows 3 requests per hour");
        assertThat(perHour.header("Retry-After")).isEqualTo("3000");

        clock.advance(Duration.ofMinutes(50));
        assertThat(hourly.get("/ping").status()).as("the first two left the hour").isEqualTo(200);
    }

    @Test
    void a429WithoutRetryAfterCanBeInjected() {
        sandbox.faults().rateLimitNext(2);

        Answer first = api.get("/ping");
        Answer second = api.post("/whatsapp-api/messages/template", "{}");

        for (Answer limited : List.of(first, second)) {
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.header("Retry-After")).isNull();
            assertThat(limited.json().get("success").asBoolean()).isFalse();
            assertThat(limited.json().get("message").asText()).isEqualTo("Too many requests (injected by the WAAPI sandbox)");
        }
        assertThat(api.get("/ping").status()).isEqualTo(200);
        assertThat(sandbox.getRequests()).extracting(ApiRequest::status).containsExactly(429, 429, 200);
    }

    private static String media(String link) {
        return "{\"to\": \"917890000198\", \"fromPhoneNo\": \"" + NUMBER + "\", \"link\": \"" + link + "\"}";
    }

    private static String error(Answer answer) {
        assertThat(answer.status()).as(answer.response().body()).isEqualTo(400);
        return answer.json().get("error").asText();
    }

    private static JsonNode json(Received received) {
        try {
            return RawApi.JSON.readTree(received.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
