package com.easycrm4u.camel.waapi.webhook.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import com.easycrm4u.camel.waapi.LogCapture;
import com.easycrm4u.camel.waapi.internal.metrics.WaapiMetrics;
import com.easycrm4u.camel.waapi.webhook.WebhookSignature;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.apache.camel.spi.ShutdownAware;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer of the webhook consumer is counted in the application's MeterRegistry, by outcome and refusal reason.
 */
class WebhookMetricsTest {

    private static final String TOKEN = "metrics-token";

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final HttpClient http = HttpClient.newHttpClient();
    private Main main;
    private int port;

    @BeforeEach
    void start() throws Exception {
        port = AvailablePortFinder.getNextAvailable();
        main = new Main();
        main.configure().httpServer().withEnabled(true).withHost("127.0.0.1").withPort(port);
        main.bind("appMeters", meters);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("waapi:webhook?webhookVerifyToken=RAW(" + TOKEN + ")").to("mock:events");
                from("waapi:webhook?path=/waapi/messages-only&events=messages&webhookVerifyToken=RAW(" + TOKEN + ")")
                        .to("mock:messages");
            }
        });
        main.start();
    }

    @AfterEach
    void stop() {
        main.stop();
    }

    private static final byte[] STATUS
            = ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"W\",\"changes\":[{\"field\":\"messages\","
               + "\"value\":{\"messaging_product\":\"whatsapp\",\"statuses\":[{\"id\":\"wamid.M1\",\"status\":\"sent\","
               + "\"timestamp\":\"1700000000\",\"recipient_id\":\"917890000198\"}]}}]}]}")
                    .getBytes(StandardCharsets.UTF_8);

    @Test
    void eachAnswerIsCountedByOutcomeAndReason() throws Exception {
        byte[] status = STATUS;
        String signature = WebhookSignature.sign(status, TOKEN);

        assertThat(post("/waapi/webhook", status, signature, "messages")).isEqualTo(200);
        assertThat(post("/waapi/webhook", status, signature, "messages")).isEqualTo(200);
        assertThat(post("/waapi/messages-only", status, signature, "templates")).isEqualTo(200);
        assertThat(post("/waapi/webhook", status, null, "messages")).isEqualTo(401);
        assertThat(post("/waapi/webhook", status, WebhookSignature.sign(status, "another token"), "messages")).isEqualTo(401);
        assertThat(post("/waapi/webhook", status, WebhookSignature.sign(status, "another token"), "messages")).isEqualTo(401);

        assertThat(count("routed", "none")).isEqualTo(1);
        assertThat(count("duplicate", "none")).isEqualTo(1);
        assertThat(count("filtered", "none")).isEqualTo(1);
        assertThat(count(WebhookOutcomeRecorder.REFUSED, "signature_missing")).isEqualTo(1);
        assertThat(count(WebhookOutcomeRecorder.REFUSED, "signature_mismatch")).isEqualTo(2);
    }

    /** Counting is best effort: a registry that fails (here through a meter filter that throws) costs no answer. */
    @Test
    void aRegistryThatFailsCostsNeitherAnAnswerNorAnEvent() throws Exception {
        meters.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                throw new IllegalStateException("registry down");
            }
        });
        String signature = WebhookSignature.sign(STATUS, TOKEN);

        String log = LogCapture.of(() -> {
            assertThat(post("/waapi/webhook", STATUS, signature, "messages")).isEqualTo(200);
            assertThat(post("/waapi/webhook", STATUS, signature, "messages")).isEqualTo(200);
            assertThat(post("/waapi/webhook", STATUS, null, "messages")).isEqualTo(401);
        }).log();

        // said once, not on every answer
        assertThat(log.split("could not count an answer", -1)).hasSize(2);
        assertThat(log).contains("WARN").doesNotContain(TOKEN);
        assertThat(main.getCamelContext().getEndpoint("mock:events", MockEndpoint.class).getReceivedExchanges()).hasSize(1);
        // each delivery counted out of flight once: Camel's graceful shutdown finds none pending
        assertThat(((ShutdownAware) main.getCamelContext().getRoutes().get(0).getConsumer()).getPendingExchangesSize())
                .isZero();
    }

    private int post(String path, byte[] body, String signature, String event) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("X-WAAPI-Event", event)
                .header("X-WAAPI-Delivery", "dlv-" + UUID.randomUUID())
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header(WebhookSignature.HEADER, signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private double count(String outcome, String reason) {
        Counter counter = meters.find(WaapiMetrics.WEBHOOK_DELIVERIES).tag("outcome", outcome).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }
}
