package com.easycrm4u.camel.waapi.webhook.model;

/**
 * Meta changed the review status of one of your message templates.
 */
public class TemplateStatusEvent extends WebhookEvent {

    private final TemplateStatusUpdate update;

    public TemplateStatusEvent(String wabaId, TemplateStatusUpdate update) {
        super(wabaId);
        this.update = update;
    }

    @Override
    public String getKind() {
        return KIND_TEMPLATE_STATUS;
    }

    public TemplateStatusUpdate getUpdate() {
        return update;
    }

    @Override
    public String toString() {
        return "TemplateStatusEvent[template=" + update.getMessageTemplateName() + ", event=" + update.getEvent() + "]";
    }
}
