package com.easycrm4u.camel.waapi.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Looking messages up and waiting for their statuses, where the answer is known without waiting. */
class SentMessagesTest {

    private final SentMessages messages = new SentMessages();

    private SentMessage message(String id, String channel) {
        SentMessage message = new SentMessage(
                id, "Sandbox", channel, "text", "917890000198", "917890000199",
                "qr".equals(channel) ? "sess_abc" : null, new ObjectMapper().createObjectNode(), Instant.EPOCH);
        messages.add(message);
        return message;
    }

    @Test
    void anUnknownMessageIdIsNamed() {
        message("wamid.known", "cloud");

        assertThatThrownBy(() -> messages.byId("wamid.unknown")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no message wamid.unknown");
        assertThatThrownBy(() -> messages.awaitStatus("sent", List.of("wamid.unknown"), Duration.ofSeconds(5), m -> ""))
                .isInstanceOf(AssertionError.class)
                .hasMessage("The WAAPI sandbox accepted no message wamid.unknown; it accepted [wamid.known]");
        assertThatThrownBy(() -> messages.awaitStatus("sent", List.of(), Duration.ofSeconds(5), m -> ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("name at least one message id");
    }

    @Test
    void aQrSendNeverGetsAStatusUpdate() {
        SentMessage qr = message("BAE5AAAA", "qr");
        qr.settle("sent", true);

        assertThat(messages.awaitStatus("sent", List.of("BAE5AAAA"), Duration.ofSeconds(5), m -> "")).containsExactly(qr);
        assertThatThrownBy(() -> messages.awaitStatus("delivered", List.of("BAE5AAAA"), Duration.ofSeconds(5),
                m -> "no webhook deliveries")).isInstanceOf(AssertionError.class)
                .hasMessage("Message BAE5AAAA cannot reach 'delivered': QR sends get no status updates; no webhook deliveries");
    }

    @Test
    void aMessageThatReachedTheStatusBeforeItsLastIsFound() {
        SentMessage cloud = message("wamid.read", "cloud");
        messages.addStatus(cloud, "delivered");
        messages.addStatus(cloud, "delivered");
        messages.settle(cloud, "delivered", false);
        messages.addStatus(cloud, "read");
        messages.settle(cloud, "read", true);

        assertThat(cloud.getStatuses()).containsExactly("sent", "delivered", "read");
        assertThat(cloud.getStatus()).isEqualTo("read");
        // "sent" was never settled by a webhook, but the message went past it
        assertThat(messages.awaitStatus("sent", List.of("wamid.read"), Duration.ofSeconds(5), m -> ""))
                .containsExactly(cloud);
    }

    @Test
    void aSettledStatusIsReachedThoughMoreStatusesWillFollow() {
        SentMessage cloud = message("wamid.delivered", "cloud");
        messages.addStatus(cloud, "delivered");
        messages.settle(cloud, "delivered", false);

        assertThat(messages.awaitStatus("delivered", List.of("wamid.delivered"), Duration.ZERO, m -> ""))
                .containsExactly(cloud);
        assertThat(cloud).hasToString("SentMessage[wamid.delivered, cloud/text to 917890000198 from 917890000199, "
                                      + "[sent, delivered]]");
    }

    @Test
    void aTimeoutOfZeroAnswersAtOnceWithWhereTheMessageStands() {
        message("wamid.slow", "cloud");

        assertThatThrownBy(() -> messages.awaitStatus("read", List.of("wamid.slow"), Duration.ZERO, m -> "none yet"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Within 0 ms, 1 of 1 messages did not reach 'read':\n - wamid.slow: statuses [sent]; none yet");
    }

    @Test
    void anInterruptedWaitStopsAndKeepsTheInterrupt() {
        message("wamid.waiting", "cloud");
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> messages.awaitStatus("read", List.of("wamid.waiting"), Duration.ofSeconds(5), m -> ""))
                    .isInstanceOf(IllegalStateException.class).hasMessage("interrupted while waiting for status 'read'");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void theInternalIdOfAMessageStaysTheSameUntilCleared() {
        SentMessage cloud = message("wamid.id", "cloud");
        String id = messages.internalId(cloud);

        assertThat(id).matches("[0-9a-f]{24}");
        assertThat(messages.internalId(cloud)).isEqualTo(id);
        messages.clear();
        assertThat(messages.all()).isEmpty();
        assertThat(messages.internalId(cloud)).isNotEqualTo(id);
    }
}
