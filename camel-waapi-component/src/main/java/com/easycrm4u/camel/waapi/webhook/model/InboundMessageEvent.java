package com.easycrm4u.camel.waapi.webhook.model;

/**
 * A message a customer sent, with the business number that received it and the sender's profile.
 */
public class InboundMessageEvent extends WebhookEvent {

    private final WebhookMetadata metadata;
    private final WebhookContact contact;
    private final InboundMessage message;

    public InboundMessageEvent(String wabaId, WebhookMetadata metadata, WebhookContact contact, InboundMessage message) {
        super(wabaId);
        this.metadata = metadata;
        this.contact = contact;
        this.message = message;
    }

    @Override
    public String getKind() {
        return KIND_MESSAGE;
    }

    /** The business number that received the message. */
    public WebhookMetadata getMetadata() {
        return metadata;
    }

    /** The sender's profile (the envelope contact whose wa_id is the sender), or null when the envelope has none. */
    public WebhookContact getContact() {
        return contact;
    }

    public InboundMessage getMessage() {
        return message;
    }

    @Override
    public String toString() {
        return "InboundMessageEvent[" + message + "]";
    }
}
