package com.easycrm4u.camel.waapi.webhook.model;

/**
 * One event of a delivery, the body of each exchange of a {@code waapi:webhook} route with {@code split=true}: an
 * {@link InboundMessageEvent}, a {@link MessageStatusEvent}, a {@link TemplateStatusEvent}, or an
 * {@link OtherChangeEvent} for a change this component has no model for.
 */
public abstract class WebhookEvent {

    /** {@link #getKind()} of an {@link InboundMessageEvent}. */
    public static final String KIND_MESSAGE = "message";
    /** {@link #getKind()} of a {@link MessageStatusEvent}. */
    public static final String KIND_STATUS = "status";
    /** {@link #getKind()} of a {@link TemplateStatusEvent}. */
    public static final String KIND_TEMPLATE_STATUS = "template_status";
    /** {@link #getKind()} of an {@link OtherChangeEvent}. */
    public static final String KIND_OTHER = "other";
    /**
     * The CamelWaapiEventKind of signed JSON this component cannot type (not a WhatsApp envelope, or a part of one that
     * does not bind); such an exchange's body is the raw JSON as a Jackson {@code JsonNode}, not a WebhookEvent.
     */
    public static final String KIND_UNKNOWN = "unknown";

    private final String wabaId;

    protected WebhookEvent(String wabaId) {
        this.wabaId = wabaId;
    }

    /** message, status, template_status or other; also the CamelWaapiEventKind header. */
    public abstract String getKind();

    /** The WhatsApp Business Account id of the entry the event came in. */
    public String getWabaId() {
        return wabaId;
    }
}
