package com.easycrm4u.camel.waapi.webhook.internal;

import java.util.ArrayList;
import java.util.List;

import com.easycrm4u.camel.waapi.webhook.InvalidWebhookPayloadException;
import com.easycrm4u.camel.waapi.webhook.WebhookEnvelopes;
import com.easycrm4u.camel.waapi.webhook.internal.WebhookEventKeys.Occurrence;
import com.easycrm4u.camel.waapi.webhook.model.InboundMessageEvent;
import com.easycrm4u.camel.waapi.webhook.model.MessageStatusEvent;
import com.easycrm4u.camel.waapi.webhook.model.MessagesValue;
import com.easycrm4u.camel.waapi.webhook.model.WebhookChange;
import com.easycrm4u.camel.waapi.webhook.model.WebhookEntry;
import com.easycrm4u.camel.waapi.webhook.model.WebhookEnvelope;
import com.easycrm4u.camel.waapi.webhook.model.WebhookEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Turns the verified bytes of a delivery into the exchanges to route, each with its idempotency key. What has the
 * WhatsApp envelope shape is routed typed; a body or a part of an envelope this component cannot type (another JSON
 * shape, a change whose value does not bind, {@code "messages":[null]}) is routed as an unknown event with its raw JSON
 * as a {@link JsonNode}, so a signed delivery is never refused or retried for ever because of its shape. Only a body
 * that is not JSON at all is refused.
 */
final class WebhookEventReader {

    /** One exchange to route: its idempotency key, body and headers. */
    record RoutableEvent(String key, Object body, WebhookHeaders.Writer headers) {
    }

    private final ObjectMapper mapper;
    private final ObjectReader reader;
    private final ObjectReader envelopeReader;
    private final boolean split;

    WebhookEventReader(ObjectMapper mapper, boolean split) {
        this.mapper = mapper;
        this.reader = EnvelopeBinding.strictReader(mapper);
        this.envelopeReader = EnvelopeBinding.envelopeReader(mapper);
        this.split = split;
    }

    /**
     * The exchanges of a delivery, in envelope order (none for an envelope without changes). An envelope whose every
     * part binds is read in one pass; anything else is read as a JSON tree, and each part that binds is bound from it.
     *
     * @throws InvalidWebhookPayloadException when the body is not JSON
     */
    List<RoutableEvent> read(byte[] body, WebhookHeaders headers) {
        WebhookEnvelope envelope = typedEnvelope(body);
        if (envelope != null) {
            if (!split) {
                String key = WebhookEventKeys.ofBody("delivery", body, tellsOccurrencesApart(envelope)
                        ? Occurrence.NONE : new Occurrence(null, headers.deliveryId()));
                return List.of(new RoutableEvent(key, envelope, headers.ofEnvelope(envelope, key)));
            }
            List<RoutableEvent> events = typedEvents(envelope, headers);
            if (events != null) {
                return events;
            }
        }
        return readTree(body, headers);
    }

    /** The envelope bound straight from the bytes when every part of it is typed; null for anything else. */
    private WebhookEnvelope typedEnvelope(byte[] body) {
        WebhookEnvelope envelope = EnvelopeBinding.bind(envelopeReader, body);
        if (envelope != null) {
            for (WebhookEntry entry : envelope.getEntry()) {
                for (WebhookChange change : entry.getChanges()) {
                    if (hasNullItem(change)) {
                        return null;
                    }
                }
            }
        }
        return envelope;
    }

    /**
     * The events of a typed envelope; null when one of them is known by its change's JSON only (read as a tree then).
     */
    private List<RoutableEvent> typedEvents(WebhookEnvelope envelope, WebhookHeaders headers) {
        List<RoutableEvent> events = new ArrayList<>();
        for (WebhookEntry entry : envelope.getEntry()) {
            Occurrence occurrence = new Occurrence(
                    entry.getTime() != null ? entry.getTime().toString() : null,
                    headers.deliveryId());
            for (WebhookChange change : entry.getChanges()) {
                for (WebhookEvent event : EnvelopeBinding.eventsOf(entry.getId(), change)) {
                    String key = WebhookEventKeys.of(event, occurrence);
                    if (key == null) {
                        if (!(event instanceof InboundMessageEvent) && !(event instanceof MessageStatusEvent)) {
                            return null;
                        }
                        key = WebhookEventKeys.ofPart(entry.getId(), bytes(partOf(event, null)), occurrence);
                    }
                    events.add(new RoutableEvent(key, event, headers.ofEvent(event, key)));
                }
            }
        }
        return events;
    }

    private List<RoutableEvent> readTree(byte[] body, WebhookHeaders headers) {
        JsonNode root = EnvelopeBinding.readJson(reader, body);
        Occurrence deliveryOccurrence = new Occurrence(null, headers.deliveryId());
        if (!split) {
            // what binds whole was bound straight from the bytes: this body is not an envelope whose every part is typed
            return List.of(unknown(root, null, WebhookEventKeys.ofBody("delivery", body,
                    isEnvelope(root) && everyEntryHasATime(root) ? Occurrence.NONE : deliveryOccurrence), headers));
        }
        if (!isEnvelope(root)) {
            return List.of(unknown(root, null, WebhookEventKeys.ofBody("unknown", body, deliveryOccurrence), headers));
        }
        List<RoutableEvent> events = new ArrayList<>();
        for (JsonNode entry : root.get("entry")) {
            String wabaId = text(entry.get("id"));
            Occurrence occurrence = new Occurrence(entryTime(entry.get("time")), headers.deliveryId());
            if (!entry.isObject() || !entry.path("changes").isArray()) {
                events.add(unknown(entry, wabaId, WebhookEventKeys.ofPart(wabaId, bytes(entry), occurrence), headers));
                continue;
            }
            for (JsonNode change : entry.get("changes")) {
                WebhookChange typed = typed(change);
                if (typed == null) {
                    events.add(unknown(change, wabaId, WebhookEventKeys.ofPart(wabaId, bytes(change), occurrence), headers));
                    continue;
                }
                for (WebhookEvent event : EnvelopeBinding.eventsOf(wabaId, typed)) {
                    String key = WebhookEventKeys.of(event, occurrence);
                    if (key == null) {
                        key = WebhookEventKeys.ofPart(wabaId, bytes(partOf(event, change)), occurrence);
                    }
                    events.add(new RoutableEvent(key, event, headers.ofEvent(event, key)));
                }
            }
        }
        return events;
    }

    private static RoutableEvent unknown(JsonNode json, String wabaId, String key, WebhookHeaders headers) {
        return new RoutableEvent(key, json, headers.ofUnknown(wabaId, key));
    }

    /**
     * Whether the signed content of a whole envelope tells its occurrences apart: each entry has a time, or only events
     * with ids of their own.
     */
    private static boolean tellsOccurrencesApart(WebhookEnvelope envelope) {
        for (WebhookEntry entry : envelope.getEntry()) {
            if (entry.getTime() == null) {
                for (WebhookChange change : entry.getChanges()) {
                    for (WebhookEvent event : EnvelopeBinding.eventsOf(entry.getId(), change)) {
                        if (!WebhookEventKeys.hasOwnId(event)) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }

    private static boolean everyEntryHasATime(JsonNode root) {
        for (JsonNode entry : root.get("entry")) {
            JsonNode time = entry.get("time");
            if (time == null || time.isNull()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isEnvelope(JsonNode root) {
        return root.isObject() && WebhookEnvelopes.WHATSAPP_BUSINESS_ACCOUNT.equals(root.path("object").textValue())
                && root.path("entry").isArray();
    }

    /**
     * The change bound to its model, or null when it cannot be (not an object, no field, a value that does not bind).
     */
    private WebhookChange typed(JsonNode change) {
        if (!change.isObject() || !change.path("field").isTextual()) {
            return null;
        }
        WebhookChange typed;
        try {
            typed = reader.treeToValue(change, WebhookChange.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
        return hasNullItem(typed) ? null : typed;
    }

    private static boolean hasNullItem(WebhookChange change) {
        return change.getValue() instanceof MessagesValue value
                && (hasNull(value.getMessages()) || hasNull(value.getStatuses()) || hasNull(value.getContacts()));
    }

    /** An entry's time as the typed path has it (a number of seconds), so both paths give an event the same key. */
    private String entryTime(JsonNode time) {
        if (time == null || time.isNull()) {
            return null;
        }
        try {
            Long seconds = reader.treeToValue(time, Long.class);
            return seconds != null ? seconds.toString() : null;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return text(time);
        }
    }

    /** The JSON of the event itself where it is one item of a change (so two of them get two keys), else the change. */
    private JsonNode partOf(WebhookEvent event, JsonNode change) {
        if (event instanceof InboundMessageEvent message) {
            return mapper.valueToTree(message.getMessage());
        }
        if (event instanceof MessageStatusEvent status) {
            return mapper.valueToTree(status.getStatus());
        }
        return change;
    }

    private byte[] bytes(JsonNode json) {
        try {
            return mapper.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that was just read could not be written", e);
        }
    }

    private static boolean hasNull(List<?> items) {
        return items != null && items.contains(null);
    }

    private static String text(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
    }
}
