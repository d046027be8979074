package com.easycrm4u.camel.waapi.webhook;

import java.time.Duration;
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
        assertThat(first).contains("does not match the body").contains("body over maxBodySize");

        nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        String next = StandardErrorCapture.capture(() -> log.refused(WebhookOutcome.SIGNATURE_MISMATCH));
        assertThat(next.lines()).singleElement().asString().contains("refused 100 request(s)").contains("does not match");

        String flushed = StandardErrorCapture.capture(log::flush);
        assertThat(flushed.lines()).singleElement().asString().contains("refused 99 request(s)").contains("maxBodySize");
        assertThat(StandardErrorCapture.capture(log::flush)).isEmpty();
    }

    @Test
    void onlyRefusalsAreCounted() {
        assertThatThrownBy(() -> log.refused(WebhookOutcome.ROUTED)).isInstanceOf(IllegalArgumentException.class);
    }
}
