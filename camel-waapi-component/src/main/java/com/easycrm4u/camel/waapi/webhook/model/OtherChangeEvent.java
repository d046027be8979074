package com.easycrm4u.camel.waapi.webhook.model;

/**
 * A change this component has no event type for (a field other than messages and message_template_status_update, or a
 * messages change with neither messages nor statuses, e.g. only errors), kept whole so nothing is dropped.
 */
public class OtherChangeEvent extends WebhookEvent {

    private final WebhookChange change;

    public OtherChangeEvent(String wabaId, WebhookChange change) {
        super(wabaId);
        this.change = change;
    }

    @Override
    public String getKind() {
        return KIND_OTHER;
    }

    public WebhookChange getChange() {
        return change;
    }

    @Override
    public String toString() {
        return "OtherChangeEvent[field=" + change.getField() + "]";
    }
}
