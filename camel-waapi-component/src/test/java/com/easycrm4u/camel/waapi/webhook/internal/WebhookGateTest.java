package com.easycrm4u.camel.waapi.webhook.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.easycrm4u.camel.waapi.internal.metrics.WaapiMetrics;
import com.easycrm4u.camel.waapi.webhook.WebhookSignature;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one type a host whose HTTP layer reads bodies itself (the Spring Boot starter) uses: it finds the consumer of a
 * path, refuses from the headers, bounds what the host holds, and writes each answer as every other host does, with
 * {@code Connection: close}, since the rest of the request is not read.
 */
class WebhookGateTest {

    private static final String SIGNATURE = WebhookSignature.sign("{}", "token");

    private final CamelContext context = new DefaultCamelContext();
    private final InflightDeliveries inflight = new InflightDeliveries();
    private final WebhookLimits limits = new WebhookLimits(100, Duration.ofMillis(1500), 150, 4);
    private final List<String> written = new ArrayList<>();
    private final WebhookGate.Reply reply = (status, headers, json) -> written.add(status + " " + headers + " " + json);

    @AfterEach
    void stop() throws Exception {
        context.close();
    }

    private WebhookGate gate() {
        inflight.setAccepting(true);
        WebhookRegistration registration = new WebhookRegistration();
        registration.attach(this, null, new WebhookAdmission(
                limits, true, inflight,
                new WebhookOutcomeRecorder(new WebhookRefusalLog("/hook"), WaapiMetrics.NONE)));
        WebhookPaths.of(context).register("/hook", registration);
        return WebhookGate.of(context, "hook/");
    }

    @Test
    void aPathNoConsumerServesHasNoGate() {
        gate();

        assertThat(WebhookGate.of(context, "/other")).isNull();
        assertThat(WebhookGate.of(context, null)).isNull();
    }

    @Test
    void aRequestIsRefusedFromItsHeadersWithConnectionClose() throws IOException {
        WebhookGate gate = gate();

        assertThat(gate.refuseFromHeaders("100", "application/json", SIGNATURE, reply)).isFalse();
        assertThat(written).isEmpty();
        assertThat(gate.refuseFromHeaders("101", "application/json", SIGNATURE, reply)).isTrue();
        assertThat(gate.refuseFromHeaders("10", "application/json", null, reply)).isTrue();
        inflight.setAccepting(false);
        assertThat(gate.refuseFromHeaders("10", "application/json", SIGNATURE, reply)).isTrue();

        assertThat(written).containsExactly(
                "413 {Content-Type=application/json, Connection=close} "
                                            + "{\"ok\":false,\"error\":\"the body is larger than 100 bytes\"}",
                "401 {Content-Type=application/json, Connection=close} "
                                                                                                                + "{\"ok\":false,\"error\":\"invalid or missing X-Hub-Signature-256\"}",
                "503 {Content-Type=application/json, Retry-After=5, Connection=close} "
                                                                                                                                                                                         + "{\"ok\":false,\"error\":\"the receiver is stopping or suspended; send it again later\"}");
    }

    @Test
    void aBodyThatStopsArrivingIsRefusedAsTheConsumerRefusesIt() throws IOException {
        WebhookGate gate = gate();

        gate.refuse(WebhookGate.Refusal.BODY_TOO_LARGE, reply);
        gate.refuse(WebhookGate.Refusal.BODY_TIMEOUT, reply);
        gate.refuse(WebhookGate.Refusal.UNVERIFIED_BYTES_EXCEEDED, reply);

        assertThat(written).extracting(line -> line.substring(0, 3)).containsExactly("413", "408", "503");
        assertThat(written).allSatisfy(line -> assertThat(line).contains("Connection=close"));
    }

    @Test
    void theHostHoldsUnverifiedBytesWithinTheConsumersBound() {
        WebhookGate gate = gate();

        assertThat(gate.maxBodySize()).isEqualTo(100);
        assertThat(gate.bodyReadTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(gate.holdUnverified(100)).isTrue();
        assertThat(gate.holdUnverified(51)).as("past maxUnverifiedBytes").isFalse();
        assertThat(limits.unverifiedBytes()).isEqualTo(100);
        gate.releaseUnverified(100);
        assertThat(limits.unverifiedBytes()).isZero();
    }

    @Test
    void everyHostWritesTheSameHeadersAndOnlyAClosingHostSaysConnectionClose() {
        WebhookResponse busy = WebhookResponse.of(WebhookOutcome.WORKERS_BUSY, 100);
        List<Map<String, String>> headers = new ArrayList<>();

        busy.writeTo((status, sent, json) -> headers.add(sent), false);
        busy.writeTo((status, sent, json) -> headers.add(sent), true);
        WebhookResponse.of(WebhookOutcome.ROUTED, 100).writeTo((status, sent, json) -> headers.add(sent), false);

        assertThat(headers).containsExactly(
                Map.of("Content-Type", "application/json", "Retry-After", "5"),
                Map.of("Content-Type", "application/json", "Retry-After", "5", "Connection", "close"),
                Map.of("Content-Type", "application/json"));
    }
}
