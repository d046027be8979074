package com.easycrm4u.camel.waapi;

import org.apache.camel.spi.Metadata;

/**
 * Message headers of the WAAPI component. Headers override body fields, which override endpoint options.
 */
public final class WaapiConstants {

    public static final String SCHEME = "waapi";

    @Metadata(label = "producer", description = "Recipient phone number in E.164 (all sends).", javaType = "String")
    public static final String TO = "CamelWaapiTo";
    @Metadata(label = "producer", description = "Sending phone number in E.164; must be bound to the API key (all sends).",
              javaType = "String")
    public static final String FROM_PHONE_NO = "CamelWaapiFromPhoneNo";
    @Metadata(label = "producer",
              description = "QR session id to send from (qr operations), an alternative to the sending number.",
              javaType = "String")
    public static final String SESSION_ID = "CamelWaapiSessionId";
    @Metadata(label = "producer", description = "Template name, case-sensitive (cloud/template).", javaType = "String")
    public static final String TEMPLATE_NAME = "CamelWaapiTemplateName";
    @Metadata(label = "producer", description = "Template language code, e.g. en or en_US (cloud/template).",
              javaType = "String")
    public static final String TEMPLATE_LANGUAGE = "CamelWaapiTemplateLanguage";
    @Metadata(label = "producer",
              description = "Meta-shaped template components: a List of TemplateComponent, a List of Map, or a JSON array (cloud/template).",
              javaType = "Object")
    public static final String TEMPLATE_COMPONENTS = "CamelWaapiTemplateComponents";
    @Metadata(label = "producer", description = "The wamid of a prior message to quote (cloud/template).", javaType = "String")
    public static final String REPLY_TO_MESSAGE_ID = "CamelWaapiReplyToMessageId";
    @Metadata(label = "producer", description = "Whether the first URL in the text gets a link preview (cloud/text).",
              javaType = "Boolean")
    public static final String PREVIEW_URL = "CamelWaapiPreviewUrl";
    @Metadata(label = "producer", description = "Public HTTPS URL of the media (media sends).", javaType = "String")
    public static final String MEDIA_LINK = "CamelWaapiMediaLink";
    @Metadata(label = "producer", description = "Meta media id of previously uploaded media (cloud media sends).",
              javaType = "String")
    public static final String MEDIA_ID = "CamelWaapiMediaId";
    @Metadata(label = "producer", description = "Media caption, at most 1024 characters (media sends).", javaType = "String")
    public static final String CAPTION = "CamelWaapiCaption";
    @Metadata(label = "producer", description = "File name shown to the recipient (document sends).", javaType = "String")
    public static final String FILENAME = "CamelWaapiFilename";
    @Metadata(label = "producer",
              description = "Message type of a combined send: text, image, video, audio, document, template, buttons, list or cta (cloud/send).",
              javaType = "String")
    public static final String MESSAGE_TYPE = "CamelWaapiMessageType";
    @Metadata(label = "producer",
              description = "Contact fields to upsert with a combined send: a ContactDetails or a Map (cloud/send).",
              javaType = "Object")
    public static final String CONTACT = "CamelWaapiContact";
    @Metadata(label = "producer", description = "Phone number that keys the contact (contacts operations).",
              javaType = "String")
    public static final String PHONE_NUMBER = "CamelWaapiPhoneNumber";
    @Metadata(label = "producer", description = "Country code of the contact, e.g. +91 (contacts operations and cloud/send).",
              javaType = "String")
    public static final String COUNTRY_CODE = "CamelWaapiCountryCode";
    @Metadata(description = "The message id: the one the API returned after a send; on the consumer, the id of the inbound message or of the message a status is about.",
              javaType = "String")
    public static final String MESSAGE_ID = "CamelWaapiMessageId";
    @Metadata(label = "producer", description = "The message status the API returned after a send, e.g. sent.",
              javaType = "String")
    public static final String MESSAGE_STATUS = "CamelWaapiMessageStatus";
    @Metadata(label = "producer",
              description = "The business key that makes a send happen at most once, e.g. order-SO-1005-shipped (cloud and qr sends; contacts and ping ignore it): a key sent before is not sent again, across redeliveries, restarts and nodes that share the sendOnceRepository.",
              javaType = "String")
    public static final String SEND_ONCE_KEY = "CamelWaapiSendOnceKey";
    @Metadata(label = "producer",
              description = "true when the send was skipped because its CamelWaapiSendOnceKey was sent before; the exchange goes on, nothing is thrown.",
              javaType = "Boolean")
    public static final String DUPLICATE_SEND = "CamelWaapiDuplicateSend";

    @Metadata(label = "consumer", description = "The webhook event type (the X-WAAPI-Event request header).",
              javaType = "String")
    public static final String EVENT_TYPE = "CamelWaapiEventType";
    @Metadata(label = "consumer", description = "The unique delivery id (the X-WAAPI-Delivery request header).",
              javaType = "String")
    public static final String DELIVERY_ID = "CamelWaapiDeliveryId";
    @Metadata(label = "consumer",
              description = "The idempotency key of the event, from signed content only: message:<wamid>, status:<wamid>:<status>, template:<template id>:<event>:<time>, change:<SHA-256 of its JSON> or, for split=false and JSON of an unknown shape, delivery:/unknown:<SHA-256 of the body>. The same event has the same key in every delivery that carries it.",
              javaType = "String")
    public static final String EVENT_KEY = "CamelWaapiEventKey";
    @Metadata(label = "consumer",
              description = "The phone number id of the business number the event is for (split=false: of the first entry).",
              javaType = "String")
    public static final String PHONE_NUMBER_ID = "CamelWaapiPhoneNumberId";
    @Metadata(label = "consumer",
              description = "The WhatsApp Business Account id of the envelope entry (split=false: of the first entry).",
              javaType = "String")
    public static final String WABA_ID = "CamelWaapiWabaId";
    @Metadata(label = "consumer", description = "The sender of an inbound message (its wa_id).", javaType = "String")
    public static final String FROM = "CamelWaapiFrom";
    @Metadata(label = "consumer",
              description = "The status of a status event (sent, delivered, read or failed), or the event of a template status change (APPROVED, REJECTED, ...).",
              javaType = "String")
    public static final String STATUS = "CamelWaapiStatus";
    @Metadata(label = "consumer",
              description = "The kind of a split webhook event: message, status, template_status, other (a change with no model, kept whole) or unknown (JSON this component cannot type; the body is then the raw JsonNode, also with split=false); for a message, also see CamelWaapiInboundMessageType.",
              javaType = "String")
    public static final String EVENT_KIND = "CamelWaapiEventKind";
    @Metadata(label = "consumer",
              description = "The type of an inbound message: text, image, interactive, ... (unknown types kept as sent).",
              javaType = "String")
    public static final String INBOUND_MESSAGE_TYPE = "CamelWaapiInboundMessageType";
    @Metadata(label = "consumer",
              description = "The exact request bytes of the webhook delivery, as signed (the same for every exchange of a split delivery).",
              javaType = "byte[]")
    public static final String RAW_BODY = "CamelWaapiRawBody";

    private WaapiConstants() {
    }
}
