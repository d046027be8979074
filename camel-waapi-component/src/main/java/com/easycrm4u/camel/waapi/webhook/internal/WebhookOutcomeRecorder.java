package com.easycrm4u.camel.waapi.webhook.internal;

import java.util.Locale;

import com.easycrm4u.camel.waapi.internal.metrics.WaapiMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where the answer to every request of a webhook consumer is recorded, whichever host or check answered
 * it: each answer is counted in {@link WaapiMetrics#WEBHOOK_DELIVERIES} (outcome {@code routed}, {@code duplicate},
 * {@code filtered}, ..., or {@code refused} with the reason), and refusals go to the rate-limited
 * {@link WebhookRefusalLog}.
 */
public final class WebhookOutcomeRecorder {

    /** The outcome tag of every refusal; the reason tag says which. */
    public static final String REFUSED = "refused";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookOutcomeRecorder.class);

    private final WebhookRefusalLog refusals;
    private final WaapiMetrics metrics;
    /** Warned once, not on every answer. */
    private volatile boolean metricsFailed;

    public WebhookOutcomeRecorder(WebhookRefusalLog refusals, WaapiMetrics metrics) {
        this.refusals = refusals;
        this.metrics = metrics;
    }

    /**
     * Records how one request was answered. Counting is best effort: a registry that fails (a meter filter that throws,
     * say) must not cost the sender its answer, nor leave the request counted in flight.
     */
    public void record(WebhookOutcome outcome) {
        String tag = outcome.name().toLowerCase(Locale.ROOT);
        try {
            if (outcome.isRefusal()) {
                metrics.webhookDelivery(REFUSED, tag);
            } else {
                metrics.webhookDelivery(tag, null);
            }
        } catch (RuntimeException e) {
            if (!metricsFailed) {
                metricsFailed = true;
                LOG.warn("waapi:webhook could not count an answer in the meter registry ({}); deliveries are answered "
                         + "and routed all the same; check the registry's meter filters",
                        e.getClass().getName());
            }
        }
        if (outcome.isRefusal()) {
            refusals.refused(outcome);
        }
    }

    /** Logs what the refusal log counted but has not logged yet. */
    public void flush() {
        refusals.flush();
    }
}
