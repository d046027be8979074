package com.easycrm4u.camel.waapi.webhook;

import java.util.List;

import com.easycrm4u.camel.waapi.webhook.internal.EnvelopeBinding;
import com.easycrm4u.camel.waapi.webhook.model.OtherChangeEvent;
import com.easycrm4u.camel.waapi.webhook.model.WebhookEnvelope;
import com.easycrm4u.camel.waapi.webhook.model.WebhookEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
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
        ObjectReader reader = EnvelopeBinding.strictReader(mapper);
        WebhookEnvelope envelope = EnvelopeBinding.bind(reader.forType(WebhookEnvelope.class), body);
        if (envelope != null) {
            return envelope;
        }
        // read again as a tree, to say what is wrong
        JsonNode root = EnvelopeBinding.readJson(reader, body);
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
        return EnvelopeBinding.split(envelope);
    }

}
