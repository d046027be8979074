package com.easycrm4u.camel.waapi.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.easycrm4u.camel.waapi.sandbox.RawApi.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Waiting for messages to reach a status, and saying why they did not. */
class AwaitStatusTest {

    private WaapiSandbox sandbox;

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void returnsOnceEveryMessageReachedTheStatusAndItsWebhooksAreSettled() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            sandbox = WaapiSandbox.builder().statusInterval(Duration.ofMillis(10)).build().start();
            sandbox.setWebhookUrl(WaapiSandbox.DEFAULT_API_KEY_NAME, receiver.url());
            String first = sendTemplate("917890000198");
            String second = sendTemplate("917890000197");

            List<SentMessage> delivered = sandbox.awaitStatus("delivered", first, second);

            assertThat(delivered).extracting(SentMessage::getMessageId).containsExactly(first, second);
            assertThat(delivered).allSatisfy(m -> assertThat(m.getStatuses()).contains("sent", "delivered"));
            assertThat(receiver.received()).filteredOn(r -> r.bodyText().contains("\"delivered\"")).hasSize(2);
            assertThat(sandbox.awaitStatus("read", first)).singleElement()
                    .satisfies(m -> assertThat(m.getStatus()).isEqualTo("read"));
            // reached before: returns at once
            assertThat(sandbox.awaitStatus("sent", List.of(first), Duration.ZERO)).hasSize(1);
        }
    }

    @Test
    void failsAtOnceWhenAMessageCannotReachTheStatus() {
        sandbox = WaapiSandbox.builder().statusInterval(Duration.ofMillis(10)).readReceipts(false)
                .recipientWithoutWhatsApp("+917890000111").build().start();
        String unread = sendTemplate("917890000198");
        String failed = sendTemplate("917890000111");

        assertThatThrownBy(() -> sandbox.awaitStatus("read", List.of(unread), Duration.ofMinutes(1)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(unread + " cannot reach 'read': its statuses ended with [sent, delivered]")
                .hasMessageContaining("no API key has a webhook URL");
        assertThatThrownBy(() -> sandbox.awaitStatus("delivered", List.of(failed), Duration.ofMinutes(1)))
                .hasMessageContaining("ended with [sent, failed]");
        assertThat(sandbox.awaitStatus("failed", failed)).singleElement()
                .satisfies(m -> assertThat(m.getStatus()).isEqualTo("failed"));
        assertThatThrownBy(() -> sandbox.awaitStatus("read", "wamid.UNKNOWN"))
                .hasMessageContaining("accepted no message wamid.UNKNOWN");
    }

    @Test
    void aTimeoutSaysWhereEachMessageStandsAndHowItsWebhooksWent() throws Exception {
        String deadUrl;
        try (WebhookReceiver gone = new WebhookReceiver()) {
            deadUrl = gone.url();
        }
        sandbox = WaapiSandbox.builder().statusInterval(Duration.ofMillis(10))
                .webhookRetries(3, Duration.ofSeconds(30), Duration.ofSeconds(30)).build().start();
        sandbox.setWebhookUrl(WaapiSandbox.DEFAULT_API_KEY_NAME, deadUrl);
        String messageId = sendTemplate("917890000198");

        assertThatThrownBy(() -> sandbox.awaitStatus("read", List.of(messageId), Duration.ofMillis(500)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Within 500 ms, 1 of 1 messages did not reach 'read'")
                .hasMessageContaining(messageId + ": statuses [sent]")
                .hasMessageContaining("sent to " + deadUrl + " PENDING after [");
    }

    @Test
    void aFailedWebhookDeliveryIsLoggedAtWarnWithItsUrlErrorAndAttempt() throws Exception {
        String deadUrl;
        try (WebhookReceiver gone = new WebhookReceiver()) {
            deadUrl = gone.url();
        }
        sandbox = WaapiSandbox.builder().statusInterval(Duration.ofMillis(10))
                .webhookRetries(2, Duration.ofMillis(10), Duration.ofMillis(10)).build().start();
        sandbox.setWebhookUrl(WaapiSandbox.DEFAULT_API_KEY_NAME, deadUrl);

        String log = standardError(() -> {
            String messageId = sendTemplate("917890000198");
            try {
                sandbox.awaitStatus("sent", List.of(messageId), Duration.ofSeconds(10));
            } catch (AssertionError expected) {
                // the progression goes on; only the log matters here
            }
        });

        assertThat(log).containsPattern("WARN .*WAAPI sandbox webhook delivery \\S+ \\(sent\\) to "
                                        + java.util.regex.Pattern.quote(deadUrl)
                                        + " failed on attempt 1 of 2: \\w+Exception.*; retrying in 10 ms");
        assertThat(log).containsPattern("WARN .*to " + java.util.regex.Pattern.quote(deadUrl)
                                        + " failed on attempt 2 of 2: .*; giving up");
    }

    private String sendTemplate(String to) {
        Answer answer = new RawApi(sandbox).post("/whatsapp-api/messages/template", "{\"to\": \"" + to
                                                                                    + "\", \"fromPhoneNo\": \"+917890000199\", \"name\": \"order_shipped\", \"language\": \"en\"}");
        assertThat(answer.status()).isEqualTo(200);
        return answer.json().at("/data/messageId").asText();
    }

    /** What is written to System.err, where slf4j-simple logs, while the action runs. */
    private static String standardError(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        original.print(log);
        return log;
    }
}
