package com.easycrm4u.camel.waapi.webhook.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events filter logs what it drops at INFO, once per interval with the count since; what a sender put in the
 * unsigned headers reaches a log line escaped and cut.
 */
class WebhookEventFilterTest {

    private final AtomicLong nanos = new AtomicLong();
    private final WebhookEventFilter filter
            = new WebhookEventFilter("/waapi/webhook", Set.of("messages"), Duration.ofMinutes(1), nanos::get);

    @Test
    void deliveriesFilteredOutAreLoggedOncePerIntervalWithTheirCount() throws Exception {
        String first = StandardErrorCapture.capture(() -> {
            assertThat(filter.accepts("messages", "dlv-1")).isTrue();
            for (int i = 0; i < 10; i++) {
                assertThat(filter.accepts("account_update", "dlv-" + i)).isFalse();
            }
            assertThat(filter.accepts(null, null)).isFalse();
        });
        assertThat(first.lines()).singleElement().asString().contains("INFO")
                .contains("acknowledged delivery dlv-0 of event account_update without routing it: not among "
                          + "events=[messages]");

        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(StandardErrorCapture.capture(() -> filter.accepts("test", "dlv-t"))).isEmpty();
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        String next = StandardErrorCapture.capture(() -> filter.accepts("qr_session\r\nforged", "dlv-q"));
        assertThat(next.lines()).singleElement().asString()
                .contains("acknowledged 12 delivery(ies) without routing them since the last report")
                .contains("(the last one: qr_session\\r\\nforged)");
    }

    @Test
    void anEmptyFilterAcceptsEveryDelivery() {
        WebhookEventFilter all = new WebhookEventFilter("/waapi/webhook", WebhookEventFilter.parse(" , "));
        assertThat(all.accepts(null, null)).isTrue();
        assertThat(all.accepts("anything", "dlv")).isTrue();
    }

    @Test
    void parseTrimsAndDropsBlanks() {
        assertThat(WebhookEventFilter.parse(" messages , ,account_update")).containsExactlyInAnyOrder("messages",
                "account_update");
        assertThat(WebhookEventFilter.parse(null)).isEmpty();
    }

    @Test
    void headerValuesAreEscapedForLogLines() {
        assertThat(WebhookHeaders.forLog(null)).isNull();
        assertThat(WebhookHeaders.forLog("dlv-ok_1.2")).isEqualTo("dlv-ok_1.2");
        assertThat(WebhookHeaders.forLog("a\r\nb\tc\\d\u0000e\u007ff\u0085g\u009bh\u2028i\u2029j"))
                .isEqualTo("a\\r\\nb\\tc\\\\d\\u0000e\\u007ff\\u0085g\\u009bh\\u2028i\\u2029j");
        // the edges of the control ranges: a space, ~ and a no-break space are shown as they are
        assertThat(WebhookHeaders.forLog("\u001f \u007e\u009f\u00a0")).isEqualTo("\\u001f \u007e\\u009f\u00a0");
        String longest = "z".repeat(WebhookHeaders.LOGGED_LENGTH);
        assertThat(WebhookHeaders.forLog(longest)).isEqualTo(longest);
        String cut = WebhookHeaders.forLog("y".repeat(WebhookHeaders.LOGGED_LENGTH + 72));
        assertThat(cut).isEqualTo("y".repeat(WebhookHeaders.LOGGED_LENGTH) + "...(72 more characters)");
    }
}
