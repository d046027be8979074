package com.easycrm4u.camel.waapi.webhook;

import java.util.Locale;

import com.easycrm4u.camel.waapi.metrics.WaapiMetrics;

/**
 * The one place where the answer to every request of a webhook consumer is recorded, whichever host or check answered
 * it: each answer is counted in {@link WaapiMetrics#WEBHOOK_DELIVERIES} (outcome {@code routed}, {@code duplicate},
 * {@code filtered}, ..., or {@code refused} with the reason), and refusals go to the rate-limited
 * {@link WebhookRefusalLog}.
 */
public final class WebhookOutcomeRecorder {

    /** The outcome tag of every refusal; the reason tag says which. */
    public static final String REFUSED = "refused";

    private final WebhookRefusalLog refusals;
    private final WaapiMetrics metrics;

    public WebhookOutcomeRecorder(WebhookRefusalLog refusals, WaapiMetrics metrics) {
        this.refusals = refusals;
        this.metrics = metrics;
    }

    /** Records how one request was answered. */
    public void record(WebhookOutcome outcome) {
        String tag = outcome.name().toLowerCase(Locale.ROOT);
        if (outcome.isRefusal()) {
            metrics.webhookDelivery(REFUSED, tag);
            refusals.refused(outcome);
        } else {
            metrics.webhookDelivery(tag, null);
        }
    }

    /** Logs what the refusal log counted but has not logged yet. */
    public void flush() {
        refusals.flush();
    }
}
