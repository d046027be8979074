package com.easycrm4u.camel.waapi.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console moving a message's statuses by hand, in order with the automatic ones, and what it shows of QR sends and
 * of recipients without WhatsApp.
 */
class ConsoleStatusTest {

    private static final String CUSTOMER = "+917890000198";

    private WaapiSandbox sandbox;
    private WebhookReceiver receiver;

    private ConsoleClient start(WaapiSandboxBuilder builder) throws IOException {
        receiver = new WebhookReceiver();
        sandbox = builder.console(true).build().start();
        sandbox.setWebhookUrl(WaapiSandbox.DEFAULT_API_KEY_NAME, receiver.url());
        return new ConsoleClient(sandbox);
    }

    @AfterEach
    void close() {
        if (sandbox != null) {
            sandbox.close();
            receiver.close();
        }
    }

    @Test
    void readMovesAMessageThroughDeliveredToRead() throws IOException {
        ConsoleClient console = start(WaapiSandbox.builder().readReceipts(false).statusInterval(Duration.ofMillis(10)));
        String messageId = sendTemplate();
        sandbox.awaitStatus("delivered", messageId);
        assertThat(sandbox.getSentMessage(messageId).getStatuses()).containsExactly("sent", "delivered");

        assertThat(console.action("read", "{'messageId':'" + messageId + "'}").status()).isEqualTo(202);
        sandbox.awaitStatus("read", messageId);
        assertThat(sandbox.getSentMessage(messageId).getStatuses()).containsExactly("sent", "delivered", "read");
        assertThat(statusWebhooks(messageId)).containsExactly("sent", "delivered", "read");
        assertThat(console.action("read", "{'messageId':'" + messageId + "'}").json().get("error").asText())
                .contains("read already");
    }

    @Test
    void readWhileTheStatusesMoveByThemselvesKeepsThemInOrderAndOnce() throws IOException {
        ConsoleClient console = start(WaapiSandbox.builder().statusInterval(Duration.ofMillis(300)));
        String messageId = sendTemplate();

        assertThat(console.action("read", "{'messageId':'" + messageId + "'}").status()).isEqualTo(202);
        sandbox.awaitStatus("read", messageId);
        await().untilAsserted(() -> assertThat(statusWebhooks(messageId)).containsExactly("sent", "delivered", "read"));
        assertThat(sandbox.getSentMessage(messageId).getStatuses()).containsExactly("sent", "delivered", "read");
    }

    @Test
    void failWhileTheStatusesMoveStopsThem() throws IOException {
        ConsoleClient console = start(WaapiSandbox.builder().statusInterval(Duration.ofMillis(300)));
        String messageId = sendTemplate();
        await().until(() -> statusWebhooks(messageId).contains("sent"));

        assertThat(console.action("fail", "{'messageId':'" + messageId + "','code':131047}").status()).isEqualTo(202);
        sandbox.awaitStatus("failed", messageId);
        assertThat(sandbox.getSentMessage(messageId).getStatuses()).containsExactly("sent", "failed");
        assertThat(sandbox.getSentMessage(messageId).getErrorTitle()).isEqualTo("Re-engagement message");
        // the step that was due runs no more
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(statusWebhooks(messageId)).containsExactly("sent", "failed"));
    }

    @Test
    void qrSendsShowAsSuchAndGetNoStatusesByHand() throws IOException {
        ConsoleClient console = start(WaapiSandbox.builder());
        String messageId = new RawApi(sandbox).post("/whatsapp-qr/messages/location", RawApi.json(
                "{'to':'" + CUSTOMER + "','sessionId':'sess_abc','latitude':22.57,'longitude':88.36,'name':'Shop'}"))
                .json().at("/data/messageId").asText();

        JsonNode message = console.state().at("/conversations/0/messages/0");
        assertThat(message.get("channel").asText()).isEqualTo("qr");
        assertThat(message.get("sessionId").asText()).isEqualTo("sess_abc");
        assertThat(message.get("kind").asText()).isEqualTo("location");
        assertThat(message.at("/location/name").asText()).isEqualTo("Shop");

        ConsoleClient.Answer read = console.action("read", "{'messageId':'" + messageId + "'}");
        assertThat(read.status()).isEqualTo(409);
        assertThat(read.json().get("error").asText()).contains("QR session");
    }

    @Test
    void aRecipientWithoutWhatsAppShowsTheFailureWithItsCode() throws IOException {
        ConsoleClient console = start(WaapiSandbox.builder().recipientWithoutWhatsApp(CUSTOMER));
        String messageId = sendTemplate();
        sandbox.awaitStatus("failed", messageId);
        JsonNode message = console.state().at("/conversations/0/messages/0");
        assertThat(message.get("status").asText()).isEqualTo("failed");
        assertThat(message.get("errorCode").asInt()).isEqualTo(131026);
        assertThat(message.get("errorTitle").asText()).isEqualTo("Message undeliverable");
    }

    @Test
    void theConsolesAddressIsLoggedAtStart() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            sandbox = WaapiSandbox.builder().console(true).build().start();
        } finally {
            System.setErr(original);
        }
        receiver = null;
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .contains("INFO com.easycrm4u.camel.waapi.sandbox.WaapiSandbox - WAAPI sandbox console: http://127.0.0.1:"
                          + sandbox.getPort() + "/console");
        sandbox.close();
        sandbox = null;
    }

    private String sendTemplate() {
        return new RawApi(sandbox).post("/whatsapp-api/messages/template", RawApi.json(
                "{'to':'" + CUSTOMER + "','fromPhoneNo':'+917890000199','name':'hello_world','language':'en_US'}"))
                .json().at("/data/messageId").asText();
    }

    /** The statuses of this message that reached the webhook, in order. */
    private List<String> statusWebhooks(String messageId) {
        return receiver.received().stream().map(r -> {
            try {
                return ConsoleClient.JSON.readTree(r.body()).at("/entry/0/changes/0/value/statuses/0");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).filter(s -> messageId.equals(s.path("id").asText())).map(s -> s.get("status").asText()).toList();
    }
}
