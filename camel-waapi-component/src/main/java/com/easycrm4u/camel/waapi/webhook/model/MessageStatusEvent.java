package com.easycrm4u.camel.waapi.webhook.model;

/**
 * A status update (sent, delivered, read, failed) of a message sent from one of your numbers.
 */
public class MessageStatusEvent extends WebhookEvent {

    private final WebhookMetadata metadata;
    private final MessageStatus status;

    public MessageStatusEvent(String wabaId, WebhookMetadata metadata, MessageStatus status) {
        super(wabaId);
        this.metadata = metadata;
        this.status = status;
    }

    @Override
    public String getKind() {
        return KIND_STATUS;
    }

    /** The business number the message was sent from. */
    public WebhookMetadata getMetadata() {
        return metadata;
    }

    public MessageStatus getStatus() {
        return status;
    }

    @Override
    public String toString() {
        return "MessageStatusEvent[id=" + status.getId() + ", status=" + status.getStatus() + "]";
    }
}
