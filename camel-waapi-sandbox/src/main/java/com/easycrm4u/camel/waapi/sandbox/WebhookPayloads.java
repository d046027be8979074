package com.easycrm4u.camel.waapi.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.easycrm4u.camel.waapi.model.QrSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The bodies of webhook deliveries: Meta's envelope ({@code object}, {@code entry[].changes[].value}) around statuses,
 * inbound messages and template reviews, as the reference documents it; and WAAPI's own test and QR-session events,
 * whose shapes the reference does not document (the sandbox's are assumed).
 */
final class WebhookPayloads {

    /** {@code X-WAAPI-Event} of statuses and inbound messages (Meta's change field). */
    static final String FIELD_MESSAGES = "messages";
    /** {@code X-WAAPI-Event} of template reviews (Meta's change field). */
    static final String FIELD_TEMPLATE_STATUS = "message_template_status_update";
    /** {@code X-WAAPI-Event} of the key's "Send test event" button (assumed). */
    static final String EVENT_TEST = "test";
    /** {@code X-WAAPI-Event} of a QR session connecting or disconnecting (assumed). */
    static final String EVENT_QR_SESSION = "qr_session";

    static final DateTimeFormatter ISO_MILLIS
            = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final ObjectMapper mapper;
    private final String wabaId;

    WebhookPayloads(ObjectMapper mapper, String wabaId) {
        this.mapper = mapper;
        this.wabaId = wabaId;
    }

    /** A status update of a sent message; conversation and pricing go with sent and delivered, errors with failed. */
    ObjectNode status(
            String businessDigits, String phoneNumberId, SentMessage message, String status, Instant at,
            String conversationId, String category, Instant conversationExpires) {
        return status(businessDigits, phoneNumberId, message, status, at, conversationId, category, conversationExpires,
                new MetaError(
                        RecipientsWithoutWhatsApp.META_CODE, MetaError.UNDELIVERABLE,
                        RecipientsWithoutWhatsApp.DETAILS));
    }

    /** {@link #status} with the error of a {@code failed} status. */
    ObjectNode status(
            String businessDigits, String phoneNumberId, SentMessage message, String status, Instant at,
            String conversationId, String category, Instant conversationExpires, MetaError failure) {
        ObjectNode statusNode = mapper.createObjectNode();
        statusNode.put("id", message.getMessageId());
        statusNode.put("status", status);
        statusNode.put("timestamp", epochSeconds(at));
        statusNode.put("recipient_id", message.getTo());
        if ("sent".equals(status) || "delivered".equals(status)) {
            ObjectNode conversation = statusNode.putObject("conversation");
            conversation.put("id", conversationId);
            conversation.put("expiration_timestamp", epochSeconds(conversationExpires));
            conversation.putObject("origin").put("type", category);
            ObjectNode pricing = statusNode.putObject("pricing");
            pricing.put("billable", !"service".equals(category));
            pricing.put("pricing_model", "CBP");
            pricing.put("category", category);
            pricing.put("type", "regular");
        } else if ("failed".equals(status)) {
            ObjectNode error = statusNode.putArray("errors").addObject();
            error.put("code", failure.code());
            error.put("title", failure.title());
            error.putObject("error_data").put("details", failure.details());
        }
        ObjectNode value = value(businessDigits, phoneNumberId);
        value.putArray("statuses").add(statusNode);
        return envelope(FIELD_MESSAGES, value, null);
    }

    /** An inbound customer message with the sender's profile. */
    ObjectNode inbound(
            String businessDigits, String phoneNumberId, String profileName, String customerDigits,
            JsonNode message) {
        ObjectNode value = value(businessDigits, phoneNumberId);
        ObjectNode contact = value.putArray("contacts").addObject();
        contact.putObject("profile").put("name", profileName);
        contact.put("wa_id", customerDigits);
        value.putArray("messages").add(message);
        return envelope(FIELD_MESSAGES, value, null);
    }

    /** Meta's review of a template. */
    ObjectNode templateStatus(long templateId, SandboxTemplate template, String event, String reason, Instant at) {
        ObjectNode value = mapper.createObjectNode();
        value.put("event", event);
        value.put("message_template_id", templateId);
        value.put("message_template_name", template.getName());
        value.put("message_template_language", template.getLanguage());
        value.put("reason", reason);
        return envelope(FIELD_TEMPLATE_STATUS, value, at);
    }

    /**
     * The key's "Send test event" (assumed shape):
     * {@code {"event":"test","data":{"apiKeyName":...,"message":...},"timestamp":"2026-06-17T12:00:00.000Z"}}.
     */
    ObjectNode testEvent(String apiKeyName, Instant at) {
        ObjectNode event = mapper.createObjectNode();
        event.put("event", EVENT_TEST);
        ObjectNode data = event.putObject("data");
        data.put("apiKeyName", apiKeyName);
        data.put("message", "Test event from WAAPI: your webhook endpoint is reachable");
        event.put("timestamp", ISO_MILLIS.format(at));
        return event;
    }

    /**
     * A QR session connected or disconnected (assumed shape): {@code {"event":"qr_session","data":{"sessionId":...,
     * "sessionName":...,"phoneNumber":...,"status":"disconnected"},"timestamp":...}}, the session as
     * {@code GET /whatsapp-qr/sessions} lists it.
     */
    ObjectNode qrSessionEvent(QrSession session, Instant at) {
        ObjectNode event = mapper.createObjectNode();
        event.put("event", EVENT_QR_SESSION);
        event.set("data", mapper.valueToTree(session));
        event.put("timestamp", ISO_MILLIS.format(at));
        return event;
    }

    static String epochSeconds(Instant at) {
        return Long.toString(at.getEpochSecond());
    }

    private ObjectNode value(String businessDigits, String phoneNumberId) {
        ObjectNode value = mapper.createObjectNode();
        value.put("messaging_product", "whatsapp");
        ObjectNode metadata = value.putObject("metadata");
        metadata.put("display_phone_number", PhoneNumbers.display(businessDigits));
        metadata.put("phone_number_id", phoneNumberId);
        return value;
    }

    private ObjectNode envelope(String field, ObjectNode value, Instant time) {
        ObjectNode envelope = mapper.createObjectNode();
        envelope.put("object", "whatsapp_business_account");
        ArrayNode entries = envelope.putArray("entry");
        ObjectNode entry = entries.addObject();
        entry.put("id", wabaId);
        if (time != null) {
            entry.put("time", time.getEpochSecond());
        }
        ObjectNode change = entry.putArray("changes").addObject();
        change.put("field", field);
        change.set("value", value);
        return envelope;
    }
}
