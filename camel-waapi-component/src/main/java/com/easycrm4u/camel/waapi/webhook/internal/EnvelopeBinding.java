package com.easycrm4u.camel.waapi.webhook.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.easycrm4u.camel.waapi.webhook.InvalidWebhookPayloadException;
import com.easycrm4u.camel.waapi.webhook.WebhookEnvelopes;
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
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * How an envelope is bound and split into events: shared by {@link WebhookEnvelopes}, the public way to read kept
 * deliveries, and the consumer's {@link WebhookEventReader}, so both read a body the same way.
 */
public final class EnvelopeBinding {

    private EnvelopeBinding() {
    }

    /** The events of an envelope, as {@link WebhookEnvelopes#split} gives them. */
    public static List<WebhookEvent> split(WebhookEnvelope envelope) {
        List<WebhookEvent> events = new ArrayList<>();
        for (WebhookEntry entry : nullToEmpty(envelope.getEntry())) {
            for (WebhookChange change : nullToEmpty(entry.getChanges())) {
                addEvents(events, entry.getId(), change);
            }
        }
        return events;
    }

    /** A reader that refuses trailing data after the JSON document. */
    public static ObjectReader strictReader(ObjectMapper mapper) {
        return mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** A reader of envelopes that refuses trailing data after the JSON document. */
    public static ObjectReader envelopeReader(ObjectMapper mapper) {
        return strictReader(mapper).forType(WebhookEnvelope.class);
    }

    /**
     * The envelope bound in one pass, without a tree of the whole body, when it has the envelope's structure (what
     * {@link WebhookEnvelopes#parse} checks); null when it does not bind or has not, so the caller reads it as a tree.
     */
    public static WebhookEnvelope bind(ObjectReader envelopeReader, byte[] body) {
        WebhookEnvelope envelope;
        try {
            envelope = envelopeReader.readValue(body);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (envelope == null || !WebhookEnvelopes.WHATSAPP_BUSINESS_ACCOUNT.equals(envelope.getObject())
                || envelope.getEntry() == null) {
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

    /**
     * The JSON tree of a body.
     *
     * @throws InvalidWebhookPayloadException when it is empty or not JSON
     */
    public static JsonNode readJson(ObjectReader reader, byte[] body) {
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

    /**
     * The events of one change of the entry of this WhatsApp Business Account, as {@link WebhookEnvelopes#split} gives
     * them.
     */
    public static List<WebhookEvent> eventsOf(String wabaId, WebhookChange change) {
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
