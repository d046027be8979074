package com.easycrm4u.camel.waapi.sandbox;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which keys get an event, and what a failed await says about the deliveries of its message. */
class WebhookFanOutTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService calls = Executors.newCachedThreadPool();
    private final ApiKeys keys = new ApiKeys(new SendingNumbers());
    private final WebhookDispatcher dispatcher = new WebhookDispatcher(
            HttpClient.newHttpClient(), calls, scheduler,
            Clock.systemUTC(), 2, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(5));
    private final WebhookFanOut fanOut = new WebhookFanOut(keys, dispatcher, JSON);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        calls.shutdownNow();
    }

    private static SentMessage message(String id) {
        return new SentMessage(
                id, "A", "cloud", "text", "917890000198", "917890000199", null, JSON.createObjectNode(),
                Instant.EPOCH);
    }

    @Test
    void theReportOfAMessageNamesItsOwnDeliveriesWithEachAnswerOrError() throws Exception {
        String deadUrl;
        try (WebhookReceiver gone = new WebhookReceiver()) {
            deadUrl = gone.url();
        }
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer(500);
            keys.add(SandboxApiKey.builder("waapi_a").name("A").webhook(receiver.url(), "t").build());
            SentMessage first = message("wamid.first");
            assertThat(fanOut.report(first)).isEqualTo("no webhook deliveries (none yet)");

            fanOut.deliver(key -> true, "messages", "delivered", "wamid.first", JSON.createObjectNode())
                    .get(10, TimeUnit.SECONDS);
            keys.add(SandboxApiKey.builder("waapi_a").name("A").webhook(deadUrl, "t").build());
            fanOut.deliver(key -> true, "messages", "read", "wamid.second", JSON.createObjectNode())
                    .get(10, TimeUnit.SECONDS);

            assertThat(fanOut.report(first))
                    .isEqualTo("webhook deliveries: delivered to " + receiver.url() + " DELIVERED after [HTTP 500, HTTP 200]");
            assertThat(fanOut.report(message("wamid.second")))
                    .startsWith("webhook deliveries: read to " + deadUrl + " EXHAUSTED after [")
                    .doesNotContain("HTTP").doesNotContain("null");
        }
    }

    @Test
    void anEventGoesToTheKeysWithAUrlThatAreSubscribedAndInItsAudience() throws IOException {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            keys.add(SandboxApiKey.builder("waapi_all").name("All").webhook(receiver.url(), "t").build());
            keys.add(SandboxApiKey.builder("waapi_msg").name("Messages").webhook(receiver.url(), "t").events("messages")
                    .build());
            keys.add(SandboxApiKey.builder("waapi_none").name("NoUrl").webhookVerifyToken("t").build());

            fanOut.deliver(key -> true, "qr_session", "qr_session:connected", "sess_abc", JSON.createObjectNode()).join();
            fanOut.deliver(key -> !key.getName().equals("All"), "messages", "read", "wamid.1", JSON.createObjectNode())
                    .join();

            assertThat(dispatcher.deliveries()).extracting(d -> d.getApiKeyName() + ":" + d.getEvent())
                    .containsExactly("All:qr_session", "Messages:messages");
            assertThat(fanOut.report(message("wamid.2"))).isEqualTo("no webhook deliveries (none yet)");
        }
        keys.setWebhookUrl("All", null);
        keys.setWebhookUrl("Messages", null);
        assertThat(fanOut.report(message("wamid.2"))).isEqualTo("no webhook deliveries (no API key has a webhook URL)");
    }
}
