package com.easycrm4u.camel.waapi.sandbox;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Cloud API sends under {@code /whatsapp-api/messages}: text, template, the media types, and the combined send with
 * contact upsert. Each checks the body, the sending number, the recipient and the 24-hour window (templates are allowed
 * outside it), then accepts the message.
 */
final class CloudApiEndpoints {

    static final List<String> MEDIA_TYPES = List.of("image", "video", "audio", "sticker", "document");
    private static final List<String> COMBINED_TYPES
            = List.of("text", "image", "video", "audio", "document", "template", "buttons", "list", "cta");
    private static final Set<String> TEMPLATE_COMPONENTS = Set.of("header", "body", "button");

    private record Sender(String to, String from) {
    }

    private final ObjectMapper mapper;
    private final SendingNumbers numbers;
    private final Templates templates;
    private final int missingTemplateStatus;
    private final ServiceWindows windows;
    private final RecipientsWithoutWhatsApp withoutWhatsApp;
    private final Contacts contacts;
    private final MediaLimits media;
    private final Outbox outbox;

    CloudApiEndpoints(ObjectMapper mapper, SendingNumbers numbers, Templates templates, int missingTemplateStatus,
                      ServiceWindows windows, RecipientsWithoutWhatsApp withoutWhatsApp, Contacts contacts,
                      MediaLimits media, Outbox outbox) {
        this.mapper = mapper;
        this.numbers = numbers;
        this.templates = templates;
        this.missingTemplateStatus = missingTemplateStatus;
        this.windows = windows;
        this.withoutWhatsApp = withoutWhatsApp;
        this.contacts = contacts;
        this.media = media;
        this.outbox = outbox;
    }

    ObjectNode text(SandboxApiKey key, ObjectNode body) {
        Sender sender = sender(key, body);
        RequestRules.cloudText(body, "");
        deliverable(sender, true);
        SentMessage message = outbox.acceptCloud(key, "text", sender.to(), sender.from(), body, null);
        return Answers.success(mapper, messageData(message, true, false));
    }

    ObjectNode template(SandboxApiKey key, ObjectNode body) {
        Sender sender = sender(key, body);
        SandboxTemplate template = template(body, "");
        RequestRules.optionalText(body, "replyToWaMessageId", "");
        deliverable(sender, false);
        SentMessage message = outbox.acceptCloud(key, "template", sender.to(), sender.from(), body, template);
        return Answers.success(mapper, messageData(message, true, true));
    }

    ObjectNode media(SandboxApiKey key, ObjectNode body, String type) {
        Sender sender = sender(key, body);
        media.validateCloud(body, type, "");
        deliverable(sender, true);
        SentMessage message = outbox.acceptCloud(key, type, sender.to(), sender.from(), body, null);
        return Answers.success(mapper, messageData(message, false, false));
    }

    ObjectNode sendAndUpsertContact(SandboxApiKey key, ObjectNode body) {
        if (!key.getPermissions().contains(SandboxApiKey.CONTACTS_WRITE)) {
            throw ApiError.error(403, "API key needs 'contacts.write' for combined send+upsert");
        }
        Sender sender = sender(key, body);
        String type = RequestRules.requiredText(body, "type", "");
        if (!COMBINED_TYPES.contains(type)) {
            throw ApiError.badRequest("Unsupported type '" + type + "'");
        }
        ObjectNode payload = object(body, "payload", true);
        ObjectNode contact = object(body, "contact", false);
        String countryCode = RequestRules.optionalText(body, "countryCode", "");
        SandboxTemplate template = null;
        switch (type) {
            case "text" -> RequestRules.cloudText(payload, "payload.");
            case "template" -> template = template(payload, "payload.");
            case "image", "video", "audio", "document" -> media.validateCloud(payload, type, "payload.");
            default -> RequestRules.interactive(payload, type);
        }
        ObjectNode fields = contact != null && !contact.isEmpty() ? RequestRules.contactFields(contact, "contact.") : null;
        deliverable(sender, !"template".equals(type));
        // an empty contact skips the upsert
        ObjectNode upserted = fields != null
                ? contacts.upsert(body.get("to").asText(), countryCode, fields) : contacts.get(sender.to());
        SentMessage message = outbox.acceptCloud(key, type, sender.to(), sender.from(), body, template);
        ObjectNode data = mapper.createObjectNode();
        if (upserted != null) {
            data.set("contact", upserted);
        }
        data.set("message", messageData(message, true, false));
        return Answers.success(mapper, data);
    }

    private Sender sender(SandboxApiKey key, ObjectNode body) {
        String to = RequestRules.phoneNumber(body, "to");
        String from = RequestRules.phoneNumber(body, "fromPhoneNo");
        numbers.requireBound(key, from);
        return new Sender(to, from);
    }

    /** Meta's checks of the recipient: WhatsApp installed (when refused at once), then the window unless a template. */
    private void deliverable(Sender sender, boolean needsWindow) {
        withoutWhatsApp.refuseSynchronously(sender.to());
        if (needsWindow) {
            windows.requireOpen(sender.from(), sender.to());
        }
    }

    private SandboxTemplate template(ObjectNode body, String prefix) {
        String name = RequestRules.requiredText(body, "name", prefix);
        String language = RequestRules.requiredText(body, "language", prefix);
        int bodyParameters = bodyParameters(body.get("components"), prefix);
        SandboxTemplate template = templates.find(name, language);
        if (template == null) {
            throw ApiError.error(missingTemplateStatus, "(#132001) Template name does not exist in the translation");
        }
        if (template.getBodyParameters() >= 0 && template.getBodyParameters() != bodyParameters) {
            throw ApiError.badRequest("(#132000) Number of parameters does not match the expected number of params");
        }
        return template;
    }

    private static int bodyParameters(JsonNode components, String prefix) {
        if (components == null || components.isNull()) {
            return 0;
        }
        if (!components.isArray()) {
            throw ApiError.badRequest("'" + prefix + "components' must be an array");
        }
        int count = 0;
        for (int i = 0; i < components.size(); i++) {
            JsonNode component = components.get(i);
            String type = component.path("type").asText("");
            if (!component.isObject() || !TEMPLATE_COMPONENTS.contains(type)) {
                throw ApiError.badRequest("'" + prefix + "components[" + i + "].type' must be header, body or button");
            }
            JsonNode parameters = component.get("parameters");
            if (parameters != null && !parameters.isNull() && !parameters.isArray()) {
                throw ApiError.badRequest("'" + prefix + "components[" + i + "].parameters' must be an array");
            }
            if ("body".equals(type) && parameters != null) {
                count += parameters.size();
            }
        }
        return count;
    }

    private static ObjectNode object(ObjectNode body, String field, boolean required) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw ApiError.badRequest("'" + field + "' is required");
            }
            return null;
        }
        if (!value.isObject()) {
            throw ApiError.badRequest("'" + field + "' must be an object");
        }
        return (ObjectNode) value;
    }

    /** The {@code data} of a send's answer, with the fields the reference shows for that endpoint. */
    private ObjectNode messageData(SentMessage message, boolean withTo, boolean withIdAndTime) {
        ObjectNode data = mapper.createObjectNode();
        data.put("messageId", message.getMessageId());
        if (withIdAndTime) {
            data.put("id", outbox.internalId(message));
        }
        data.put("status", "sent");
        if (withTo) {
            data.put("to", message.getTo());
        }
        data.put("type", message.getType());
        if (withIdAndTime) {
            data.put("timestamp", WebhookPayloads.ISO_MILLIS.format(message.getTimestamp()));
        }
        return data;
    }
}
