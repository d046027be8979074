package com.easycrm4u.camel.waapi.webhook;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.easycrm4u.camel.waapi.webhook.model.InboundMessage;
import com.easycrm4u.camel.waapi.webhook.model.InboundMessageEvent;
import com.easycrm4u.camel.waapi.webhook.model.MessageStatus;
import com.easycrm4u.camel.waapi.webhook.model.MessageStatusEvent;
import com.easycrm4u.camel.waapi.webhook.model.MessagesValue;
import com.easycrm4u.camel.waapi.webhook.model.OtherChangeEvent;
import com.easycrm4u.camel.waapi.webhook.model.TemplateStatusEvent;
import com.easycrm4u.camel.waapi.webhook.model.TemplateStatusUpdate;
import com.easycrm4u.camel.waapi.webhook.model.WebhookChange;
import com.easycrm4u.camel.waapi.webhook.model.WebhookContact;
import com.easycrm4u.camel.waapi.webhook.model.WebhookEntry;
import com.easycrm4u.camel.waapi.webhook.model.WebhookEnvelope;
import com.easycrm4u.camel.waapi.webhook.model.WebhookEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Reads webhook deliveries into the typed {@link WebhookEnvelope} and splits an envelope into its events. Use it on the
 * raw bytes ({@code CamelWaapiRawBody}) when you keep deliveries and process them later.
 */
public final class WebhookEnvelopes {

    /** The {@code object} of every WhatsApp Business Account envelope. */
    public static final String WHATSAPP_BUSINESS_ACCOUNT = "whatsapp_business_account";

    private WebhookEnvelopes() {
    }

    /**
     * Parses a delivery body. Unknown properties are ignored; the structure must be an envelope: a JSON object whose
     * {@code object} is {@code whatsapp_business_account} and whose {@code entry} is an array of objects, each with a
     * {@code changes} array of objects.
     *
     * @throws InvalidWebhookPayloadException naming what is wrong: not JSON, or not an envelope
     */
    public static WebhookEnvelope parse(byte[] body, ObjectMapper mapper) {
        ObjectReader reader = strictReader(mapper);
        WebhookEnvelope envelope = bind(reader.forType(WebhookEnvelope.class), body);
        if (envelope != null) {
            return envelope;
        }
        // read again as a tree, to say what is wrong
        JsonNode root = readJson(reader, body);
        checkEnvelope(root);
        try {
            return reader.treeToValue(root, WebhookEnvelope.class);
        } catch (JsonMappingException e) {
            // the path, not Jackson's message: that may quote values of the body
            throw new InvalidWebhookPayloadException(
                    "the envelope does not have the WhatsApp webhook shape at "
                                                     + jsonPath(e),
                    e);
        } catch (JsonProcessingException e) {
            throw new InvalidWebhookPayloadException("the envelope does not have the WhatsApp webhook shape", e);
        }
    }

    /** A reader of envelopes that refuses trailing data after the JSON document. */
    static ObjectReader envelopeReader(ObjectMapper mapper) {
        return strictReader(mapper).forType(WebhookEnvelope.class);
    }

    /**
     * The envelope bound in one pass, without a tree of the whole body, when it has the envelope's structure (what
     * {@link #parse} checks); null when it does not bind or has not, so the caller reads it as a tree.
     */
    static WebhookEnvelope bind(ObjectReader envelopeReader, byte[] body) {
        WebhookEnvelope envelope;
        try {
            envelope = envelopeReader.readValue(body);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (envelope == null || !WHATSAPP_BUSINESS_ACCOUNT.equals(envelope.getObject()) || envelope.getEntry() == null) {
            return null;
        }
        for (WebhookEntry entry : envelope.getEntry()) {
            if (entry == null || entry.getChanges() == null) {
                return null;
            }
            for (WebhookChange change : entry.getChanges()) {
                if (change == null || change.getField() == null) {
                    return null;
                }
            }
        }
        return envelope;
    }

    /** A reader that refuses trailing data after the JSON document. */
    static ObjectReader strictReader(ObjectMapper mapper) {
        return mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * The JSON tree of a body.
     *
     * @throws InvalidWebhookPayloadException when it is empty or not JSON
     */
    static JsonNode readJson(ObjectReader reader, byte[] body) {
        JsonNode root;
        try {
            root = reader.readTree(body);
        } catch (IOException e) {
            throw new InvalidWebhookPayloadException("the body is not valid JSON", e);
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidWebhookPayloadException("the body is empty", null);
        }
        return root;
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append('.').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static void checkEnvelope(JsonNode root) {
        if (!root.isObject()) {
            throw notAnEnvelope("the JSON is not an object");
        }
        JsonNode object = root.get("object");
        if (object == null || !WHATSAPP_BUSINESS_ACCOUNT.equals(object.asText(null))) {
            throw notAnEnvelope("\"object\" is not \"" + WHATSAPP_BUSINESS_ACCOUNT + "\"");
        }
        JsonNode entries = root.get("entry");
        if (entries == null || !entries.isArray()) {
            throw notAnEnvelope("\"entry\" is not an array");
        }
        for (JsonNode entry : entries) {
            if (!entry.isObject() || !entry.path("changes").isArray()) {
                throw notAnEnvelope("an entry is not an object with a \"changes\" array");
            }
            for (JsonNode change : entry.get("changes")) {
                if (!change.isObject() || !change.path("field").isTextual()) {
                    throw notAnEnvelope("a change is not an object with a \"field\"");
                }
            }
        }
    }

    private static InvalidWebhookPayloadException notAnEnvelope(String why) {
        return new InvalidWebhookPayloadException("the JSON is not a WhatsApp webhook envelope: " + why, null);
    }

    /**
     * The events of an envelope in the order they came: every inbound message, status and template status change of
     * every change of every entry. A change with none of these (another field, or only errors) becomes one
     * {@link OtherChangeEvent}, so nothing is dropped.
     */
    public static List<WebhookEvent> split(WebhookEnvelope envelope) {
        List<WebhookEvent> events = new ArrayList<>();
        for (WebhookEntry entry : nullToEmpty(envelope.getEntry())) {
            for (WebhookChange change : nullToEmpty(entry.getChanges())) {
                addEvents(events, entry.getId(), change);
            }
        }
        return events;
    }

    /** The events of one change of the entry of this WhatsApp Business Account, as {@link #split} gives them. */
    static List<WebhookEvent> eventsOf(String wabaId, WebhookChange change) {
        List<WebhookEvent> events = new ArrayList<>();
        addEvents(events, wabaId, change);
        return events;
    }

    private static void addEvents(List<WebhookEvent> events, String wabaId, WebhookChange change) {
        int before = events.size();
        if (change.getValue() instanceof TemplateStatusUpdate update) {
            events.add(new TemplateStatusEvent(wabaId, update));
        } else if (change.getValue() instanceof MessagesValue value) {
            for (InboundMessage message : nullToEmpty(value.getMessages())) {
                events.add(new InboundMessageEvent(wabaId, value.getMetadata(), senderOf(message, value), message));
            }
            for (MessageStatus status : nullToEmpty(value.getStatuses())) {
                events.add(new MessageStatusEvent(wabaId, value.getMetadata(), status));
            }
        }
        if (events.size() == before) {
            events.add(new OtherChangeEvent(wabaId, change));
        }
    }

    private static WebhookContact senderOf(InboundMessage message, MessagesValue value) {
        List<WebhookContact> contacts = nullToEmpty(value.getContacts());
        for (WebhookContact contact : contacts) {
            if (contact.getWaId() != null && contact.getWaId().equals(message.getFrom())) {
                return contact;
            }
        }
        // Meta sends one contact per message; without a matching wa_id it is still the sender's
        return contacts.size() == 1 ? contacts.get(0) : null;
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list != null ? list : List.of();
    }
}
