package com.easycrm4u.camel.waapi.webhook;

/**
 * The one place where the answer to every request of a webhook consumer is recorded, whichever host or check answered
 * it: refusals go to the rate-limited {@link WebhookRefusalLog}. Counters of deliveries by outcome hook in here.
 */
public final class WebhookOutcomeRecorder {

    private final WebhookRefusalLog refusals;

    public WebhookOutcomeRecorder(WebhookRefusalLog refusals) {
        this.refusals = refusals;
    }

    /** Records how one request was answered. */
    public void record(WebhookOutcome outcome) {
        if (outcome.isRefusal()) {
            refusals.refused(outcome);
        }
    }

    /** Logs what the refusal log counted but has not logged yet. */
    public void flush() {
        refusals.flush();
    }
}
