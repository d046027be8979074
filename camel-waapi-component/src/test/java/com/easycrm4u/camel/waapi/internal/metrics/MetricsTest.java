package com.easycrm4u.camel.waapi.internal.metrics;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import com.easycrm4u.camel.waapi.LogCapture;
import com.easycrm4u.camel.waapi.WaapiComponent;
import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.WaapiException;
import com.easycrm4u.camel.waapi.WaapiTestSupport;
import com.easycrm4u.camel.waapi.internal.SendOnce;
import com.easycrm4u.camel.waapi.internal.WaapiFailures;
import com.easycrm4u.camel.waapi.webhook.internal.StandardErrorCapture;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counters land in the application's MeterRegistry found in the Camel registry: messages by operation and outcome,
 * 429 retries, webhook deliveries by outcome and reason.
 */
class MetricsTest extends WaapiTestSupport {

    private static final Map<String, Object> TEXT = Map.of("to", "917890000198", "fromPhoneNo", "+917890000199",
            "body", "Hi");
    private static final String SENT = "{\"success\": true, \"data\": {\"messageId\": \"wamid.M\", \"status\": \"sent\"}}";

    private final MeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void bindTheApplicationsMeterRegistry() {
        context.getRegistry().bind("appMeters", meters);
    }

    @Test
    void messagesAreCountedByOperationAndOutcome() {
        stub(post(anyUrl()), 200, SENT);
        send("waapi:cloud/text", TEXT);
        send("waapi:cloud/text", TEXT);
        send("waapi:cloud/text", Map.of("body", "no recipient"));
        stub(post(anyUrl()), 400, "{\"success\": false, \"error\": \"(#131047) outside 24h window\"}");
        send("waapi:cloud/text", TEXT);

        assertThat(count(WaapiMetrics.MESSAGES, "operation", "cloud/text", "outcome", "success")).isEqualTo(2);
        assertThat(count(WaapiMetrics.MESSAGES, "operation", "cloud/text", "outcome", "invalid")).isEqualTo(1);
        assertThat(count(WaapiMetrics.MESSAGES, "operation", "cloud/text", "outcome", "rejected")).isEqualTo(1);
    }

    @Test
    void everyOutcomeIsCountedUnderItsOwnTag() throws Exception {
        Map<Integer, String> answers = Map.of(
                401, "unauthorized", 429, "rate_limited", 400, "rejected", 500, "server_error", 502, "outcome_unknown");
        for (Map.Entry<Integer, String> answer : answers.entrySet()) {
            stub(post(anyUrl()), answer.getKey(), "{\"success\": false, \"error\": \"" + answer.getValue() + "\"}");
            send("waapi:cloud/text?rateLimitRetries=0", TEXT);
        }
        stub(post(anyUrl()), 200, SENT);
        send("waapi:cloud/text?rateLimitRetries=0", TEXT);
        send("waapi:cloud/text?rateLimitRetries=0", Map.of("body", "no recipient"));
        // an answer that is not a send result
        stub(post(anyUrl()), 200, "{\"success\": true, \"data\": {\"messageId\": {\"not\": \"a string\"}}}");
        send("waapi:cloud/text?rateLimitRetries=0", TEXT);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        send("waapi:cloud/text?rateLimitRetries=0&baseUrl=http://127.0.0.1:" + closedPort + BASE_PATH, TEXT);

        for (CallOutcome outcome : CallOutcome.values()) {
            assertThat(count(WaapiMetrics.MESSAGES, "operation", "cloud/text", "outcome", outcome.tag()))
                    .as(outcome.tag()).isEqualTo(1);
        }
    }

    @Test
    void everyOperationIsCountedUnderItsOwnName() {
        stub(get(anyUrl()), 200, "{\"success\": true, \"pong\": true, \"data\": []}");
        send("waapi:ping", null);
        send("waapi:qr/sessions", null);
        send("waapi:qr/sessions", null);

        assertThat(count(WaapiMetrics.MESSAGES, "operation", "ping", "outcome", "success")).isEqualTo(1);
        assertThat(count(WaapiMetrics.MESSAGES, "operation", "qr/sessions", "outcome", "success")).isEqualTo(2);
        assertThat(meters.find(WaapiMetrics.MESSAGES).counters()).hasSize(2);
    }

    @Test
    void rateLimitRetriesAreCounted() {
        wireMock.stubFor(post(anyUrl()).inScenario("quota").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(429, "{\"success\": false}").withHeader("Retry-After", "0")).willSetStateTo("ok"));
        wireMock.stubFor(post(anyUrl()).inScenario("quota").whenScenarioStateIs("ok").willReturn(json(200, SENT)));

        send("waapi:cloud/text", TEXT);

        assertThat(count(WaapiMetrics.RATE_LIMIT_RETRIES, "operation", "cloud/text")).isEqualTo(1);
        assertThat(count(WaapiMetrics.MESSAGES, "operation", "cloud/text", "outcome", "success")).isEqualTo(1);
    }

    @Test
    void webhookDeliveriesAreCountedByOutcomeAndReason() {
        WaapiMetrics metrics = metricsOf(context.getComponent("waapi", WaapiComponent.class));

        metrics.webhookDelivery("routed", null);
        metrics.webhookDelivery("refused", "signature");
        metrics.webhookDelivery("refused", "signature");
        metrics.webhookDelivery("duplicate", null);

        assertThat(count(WaapiMetrics.WEBHOOK_DELIVERIES, "outcome", "routed", "reason", "none")).isEqualTo(1);
        assertThat(count(WaapiMetrics.WEBHOOK_DELIVERIES, "outcome", "refused", "reason", "signature")).isEqualTo(2);
        assertThat(count(WaapiMetrics.WEBHOOK_DELIVERIES, "outcome", "duplicate", "reason", "none")).isEqualTo(1);
    }

    @Test
    void theRegistryNamedMetricsRegistryIsPreferredToAnyOther() throws Exception {
        MeterRegistry named = new SimpleMeterRegistry();
        context.getRegistry().bind(WaapiMetrics.REGISTRY_NAME, named);
        stub(post(anyUrl()), 200, SENT);

        String log = StandardErrorCapture.capture(() -> {
            context.getComponent("waapi", WaapiComponent.class).stop();
            context.getComponent("waapi", WaapiComponent.class).start();
            send("waapi:cloud/text", TEXT);
        });

        assertThat(named.find(WaapiMetrics.MESSAGES).tags("outcome", "success").counter().count()).isEqualTo(1);
        assertThat(meters.getMeters()).isEmpty();
        assertThat(log).contains("WAAPI metrics: Micrometer counters in SimpleMeterRegistry");
    }

    /** Counting is best effort: a registry that fails on the rate-limit counter costs no send. */
    @Test
    void aRegistryThatFailsToCountARateLimitRetryCostsNoSend() {
        meters.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (id.getName().equals(WaapiMetrics.RATE_LIMIT_RETRIES)) {
                    throw new IllegalStateException("registry down");
                }
                return id;
            }
        });
        wireMock.stubFor(post(anyUrl()).inScenario("quota").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(429, "{\"success\": false}").withHeader("Retry-After", "0")).willSetStateTo("ok"));
        wireMock.stubFor(post(anyUrl()).inScenario("quota").whenScenarioStateIs("ok")
                .willReturn(json(429, "{\"success\": false}").withHeader("Retry-After", "0")).willSetStateTo("done"));
        wireMock.stubFor(post(anyUrl()).inScenario("quota").whenScenarioStateIs("done").willReturn(json(200, SENT)));

        LogCapture captured = LogCapture.of(() -> {
            assertThat(send("waapi:cloud/text", TEXT).getException()).isNull();
            assertThat(send("waapi:cloud/text", TEXT).getException()).isNull();
        });

        assertThat(captured.thrown()).isNull();
        // said once, not on every 429
        assertThat(captured.log().split("could not count a rate-limited call", -1)).hasSize(2);
        assertThat(captured.log()).contains("WARN").contains("IllegalStateException").doesNotContain(API_SECRET);
        assertThat(count(WaapiMetrics.MESSAGES, "operation", "cloud/text", "outcome", "success")).isEqualTo(2);
    }

    @Test
    void aRequestThatCouldNotBeBuiltIsAFailureNotARefusalByTheApi() {
        WaapiException notBuilt = WaapiFailures.requestNotBuilt("POST /whatsapp-api/messages/text",
                new IllegalArgumentException("invalid header"));

        assertThat(notBuilt.getStatusCode()).isZero();
        assertThat(CallOutcome.of(notBuilt)).isEqualTo(CallOutcome.FAILED);
    }

    @Test
    void withoutAMeterRegistryNothingIsCountedAndNothingFails() throws Exception {
        context.getRegistry().unbind("appMeters");
        context.getComponent("waapi", WaapiComponent.class).stop();
        context.getComponent("waapi", WaapiComponent.class).start();
        stub(post(anyUrl()), 200, SENT);

        assertThat(send("waapi:cloud/text", TEXT).getException()).isNull();
        assertThat(metricsOf(context.getComponent("waapi", WaapiComponent.class))).isSameAs(WaapiMetrics.NONE);
        assertThat(meters.getMeters()).isEmpty();
    }

    @Test
    void sendsWithASendOnceKeyAreCountedByOutcome() {
        MemoryIdempotentRepository orders = new MemoryIdempotentRepository();
        orders.start();
        context.getRegistry().bind("orders", orders);
        String uri = "waapi:cloud/text?rateLimitRetries=0&sendOnceRepository=#orders&sendOnceClaimTimeout=300000";
        stub(post(anyUrl()), 200, SENT);
        send(uri, TEXT, Map.of(WaapiConstants.SEND_ONCE_KEY, "sent"));
        send(uri, TEXT, Map.of(WaapiConstants.SEND_ONCE_KEY, "sent"));
        // another node, with the same claim timeout, sends this one now
        new SendOnce(orders, Duration.ofMinutes(5)).claim("in-flight");
        send(uri, TEXT, Map.of(WaapiConstants.SEND_ONCE_KEY, "in-flight"));
        stub(post(anyUrl()), 500, "{\"success\": false, \"error\": \"Server error\"}");
        send(uri, TEXT, Map.of(WaapiConstants.SEND_ONCE_KEY, "released"));
        stub(post(anyUrl()), 504, "{\"success\": false, \"error\": \"Gateway timeout\"}");
        send(uri, TEXT, Map.of(WaapiConstants.SEND_ONCE_KEY, "unknown"));
        send(uri, TEXT, Map.of(WaapiConstants.SEND_ONCE_KEY, "unknown"));

        assertThat(count(WaapiMetrics.SEND_ONCE, "operation", "cloud/text", "outcome", "sent")).isEqualTo(1);
        assertThat(count(WaapiMetrics.SEND_ONCE, "operation", "cloud/text", "outcome", "duplicate")).isEqualTo(1);
        assertThat(count(WaapiMetrics.SEND_ONCE, "operation", "cloud/text", "outcome", "in_flight")).isEqualTo(1);
        assertThat(count(WaapiMetrics.SEND_ONCE, "operation", "cloud/text", "outcome", "released")).isEqualTo(1);
        assertThat(count(WaapiMetrics.SEND_ONCE, "operation", "cloud/text", "outcome", "unknown")).isEqualTo(2);
        // only the calls made are messages
        assertThat(count(WaapiMetrics.MESSAGES, "operation", "cloud/text", "outcome", "success")).isEqualTo(1);
        assertThat(count(WaapiMetrics.MESSAGES, "operation", "cloud/text", "outcome", "outcome_unknown")).isEqualTo(1);
    }

    @Test
    void aMeterRegistryThatFailsDoesNotFailASendWithAKey() {
        meters.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (id.getName().equals(WaapiMetrics.SEND_ONCE)) {
                    throw new IllegalStateException("the meter registry is broken");
                }
                return id;
            }
        });
        stub(post(anyUrl()), 200, SENT);

        Exchange first = send("waapi:cloud/text", TEXT, Map.of(WaapiConstants.SEND_ONCE_KEY, "order-1"));
        Exchange second = send("waapi:cloud/text", TEXT, Map.of(WaapiConstants.SEND_ONCE_KEY, "order-1"));

        assertThat(first.getException()).isNull();
        assertThat(first.getMessage().getHeader(WaapiConstants.MESSAGE_ID)).isEqualTo("wamid.M");
        assertThat(second.getException()).isNull();
        assertThat(second.getMessage().getHeader(WaapiConstants.DUPLICATE_SEND)).isEqualTo(true);
    }

    private double count(String name, String... tags) {
        var counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }
}
