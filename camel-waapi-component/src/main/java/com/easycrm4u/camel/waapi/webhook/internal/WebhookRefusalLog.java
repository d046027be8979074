package com.easycrm4u.camel.waapi.webhook.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs refused requests per reason at most once per interval, with how many there were, so whoever sends bad requests
 * does not decide how much is logged. A line names the path, the reason and the status; never the body, a header value
 * or a token.
 */
public final class WebhookRefusalLog {

    /** How often a reason is logged at most. */
    public static final Duration INTERVAL = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRefusalLog.class);

    private final String path;
    private final Map<WebhookOutcome, LogWindow> windows = new EnumMap<>(WebhookOutcome.class);

    public WebhookRefusalLog(String path) {
        this(path, INTERVAL, System::nanoTime);
    }

    WebhookRefusalLog(String path, Duration interval, LongSupplier nanoClock) {
        this.path = path;
        for (WebhookOutcome outcome : WebhookOutcome.values()) {
            if (outcome.isRefusal()) {
                windows.put(outcome, new LogWindow(interval.toNanos(), nanoClock));
            }
        }
    }

    /** Counts a refusal, and logs it when its reason was not logged within the interval. */
    public void refused(WebhookOutcome reason) {
        LogWindow window = windows.get(reason);
        if (window == null) {
            throw new IllegalArgumentException(reason + " is no refusal");
        }
        LogWindow.Report report = window.count();
        if (report == null) {
            return;
        }
        if (report.first()) {
            LOG.warn("waapi:webhook on {} refused a request: {} (answered {}); refusals for this reason are logged at most "
                     + "once per {} s, with their count",
                    path, reason.refusalReason(), reason.status(), INTERVAL.toSeconds());
        } else {
            report(reason, report.count());
        }
    }

    /** Logs the refusals counted but not logged yet, e.g. when the consumer stops. */
    public void flush() {
        for (Map.Entry<WebhookOutcome, LogWindow> entry : windows.entrySet()) {
            long count = entry.getValue().drain();
            if (count > 0) {
                report(entry.getKey(), count);
            }
        }
    }

    private void report(WebhookOutcome reason, long count) {
        LOG.warn("waapi:webhook on {} refused {} request(s) since the last report: {} (answered {})", path, count,
                reason.refusalReason(), reason.status());
    }
}
