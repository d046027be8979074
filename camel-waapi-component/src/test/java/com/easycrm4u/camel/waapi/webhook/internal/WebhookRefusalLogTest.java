package com.easycrm4u.camel.waapi.webhook.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A reason is logged at most once per interval, with the count of the refusals since its last line.
 */
class WebhookRefusalLogTest {

    private final AtomicLong nanos = new AtomicLong();
    private final WebhookRefusalLog log = new WebhookRefusalLog("/waapi/webhook", Duration.ofMinutes(1), nanos::get);

    @Test
    void eachReasonIsLoggedOncePerIntervalWithItsCount() throws Exception {
        String first = StandardErrorCapture.capture(() -> {
            for (int i = 0; i < 100; i++) {
                log.refused(WebhookOutcome.SIGNATURE_MISMATCH);
                log.refused(WebhookOutcome.BODY_TOO_LARGE);
            }
        });
        assertThat(first.lines()).hasSize(2);
        assertThat(linesAbout(first, "does not match the body")).singleElement().asString()
                .contains("refused a request: X-Hub-Signature-256 does not match the body (answered 401)");
        assertThat(linesAbout(first, "maxBodySize")).singleElement().asString()
                .contains("refused a request: body over maxBodySize (answered 413)");

        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(StandardErrorCapture.capture(() -> log.refused(WebhookOutcome.SIGNATURE_MISMATCH)))
                .as("still within the interval").isEmpty();
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        String next = StandardErrorCapture.capture(() -> log.refused(WebhookOutcome.SIGNATURE_MISMATCH));
        assertThat(next.lines()).singleElement().asString()
                .contains(
                        "refused 101 request(s) since the last report: X-Hub-Signature-256 does not match the body (answered 401)");

        String flushed = StandardErrorCapture.capture(log::flush);
        assertThat(flushed.lines()).singleElement().asString()
                .contains("refused 99 request(s) since the last report: body over maxBodySize (answered 413)");
        assertThat(StandardErrorCapture.capture(log::flush)).isEmpty();
    }

    private static List<String> linesAbout(String log, String reason) {
        return log.lines().filter(line -> line.contains(reason)).toList();
    }

    @Test
    void onlyRefusalsAreCounted() {
        assertThatThrownBy(() -> log.refused(WebhookOutcome.ROUTED)).isInstanceOf(IllegalArgumentException.class);
    }
}
