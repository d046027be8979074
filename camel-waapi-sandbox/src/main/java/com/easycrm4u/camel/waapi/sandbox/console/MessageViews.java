package com.easycrm4u.camel.waapi.sandbox.console;

import java.util.List;

import com.easycrm4u.camel.waapi.sandbox.CustomerMessage;
import com.easycrm4u.camel.waapi.sandbox.SandboxTemplate;
import com.easycrm4u.camel.waapi.sandbox.SentMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One message of a conversation as the console shows it: who sent it, on which channel, what kind of message it is with
 * its content made readable (a template rendered, media with its caption and link, a location), and, for the messages
 * the routes sent, the status it reached.
 */
final class MessageViews {

    static final List<String> MEDIA_TYPES = List.of("image", "video", "audio", "sticker", "document");
    private static final List<String> INTERACTIVE_TYPES = List.of("buttons", "list", "cta");

    private final ObjectMapper mapper;
    private final List<SandboxTemplate> templates;

    MessageViews(ObjectMapper mapper, List<SandboxTemplate> templates) {
        this.mapper = mapper;
        this.templates = templates;
    }

    ObjectNode outgoing(SentMessage message) {
        ObjectNode view = mapper.createObjectNode();
        view.put("id", message.getMessageId());
        view.put("direction", "out");
        view.put("channel", message.getChannel());
        JsonNode request = message.getRequest();
        // the combined send carries the message in its payload
        JsonNode part = request.path("payload").isObject() && request.hasNonNull("type") ? request.get("payload") : request;
        String type = message.getType();
        view.put("type", type);
        view.put("kind", kind(type));
        view.put("text", (String) null);
        if ("template".equals(type)) {
            JsonNode sent = TemplateView.templateOf(message);
            view.set("template", TemplateView.render(mapper, sent, known(sent)));
        } else if (MEDIA_TYPES.contains(type)) {
            ObjectNode media = view.putObject("media");
            media.put("type", type);
            media.put("caption", part.path("caption").asText(null));
            media.put("link", part.path("link").asText(null));
            media.put("mediaId", part.path("mediaId").asText(null));
            media.put("filename", part.path("filename").asText(null));
        } else if ("location".equals(type)) {
            view.set("location", location(part));
        } else if (INTERACTIVE_TYPES.contains(type)) {
            view.put("text", part.path("body").asText(null));
            view.set("interactive", part.deepCopy());
        } else {
            view.put("text", part.path("body").asText(null));
        }
        view.put("status", message.getStatus());
        view.set("statuses", mapper.valueToTree(message.getStatuses()));
        if (message.getErrorCode() != 0) {
            view.put("errorCode", message.getErrorCode());
            view.put("errorTitle", message.getErrorTitle());
        } else {
            view.putNull("errorCode");
            view.putNull("errorTitle");
        }
        view.put("apiKey", message.getApiKeyName());
        view.put("sessionId", message.getSessionId());
        view.put("replyTo", part.path("replyToWaMessageId").asText(null));
        view.put("at", ConsoleState.iso(message.getTimestamp()));
        return view;
    }

    ObjectNode incoming(CustomerMessage message, String link) {
        ObjectNode view = mapper.createObjectNode();
        view.put("id", message.messageId());
        view.put("direction", "in");
        view.put("channel", "cloud");
        String type = message.type();
        JsonNode content = message.message().path(type);
        view.put("type", type);
        view.put("kind", kind(type));
        view.put("text", (String) null);
        switch (type) {
            case "text" -> view.put("text", content.path("body").asText(null));
            case "location" -> view.set("location", location(content));
            case "button" -> {
                view.put("text", content.path("text").asText(null));
                view.set("button", content.deepCopy());
            }
            case "interactive" -> {
                JsonNode reply = content.path(content.path("type").asText());
                view.put("text", reply.path("title").asText(null));
                view.set("interactive", content.deepCopy());
            }
            default -> {
                if (MEDIA_TYPES.contains(type)) {
                    ObjectNode media = view.putObject("media");
                    media.put("type", type);
                    media.put("caption", content.path("caption").asText(null));
                    media.put("link", link);
                    media.put("mediaId", content.path("id").asText(null));
                    media.put("mimeType", content.path("mime_type").asText(null));
                    media.put("filename", content.path("filename").asText(null));
                }
            }
        }
        view.put("status", "received");
        view.put("context", message.message().path("context").path("id").asText(null));
        view.put("at", ConsoleState.iso(message.timestamp()));
        return view;
    }

    private static String kind(String type) {
        if (MEDIA_TYPES.contains(type)) {
            return "media";
        }
        return INTERACTIVE_TYPES.contains(type) ? "interactive" : type;
    }

    private ObjectNode location(JsonNode part) {
        ObjectNode location = mapper.createObjectNode();
        location.set("latitude", part.get("latitude"));
        location.set("longitude", part.get("longitude"));
        location.put("name", part.path("name").asText(null));
        location.put("address", part.path("address").asText(null));
        return location;
    }

    private SandboxTemplate known(JsonNode sent) {
        String name = sent.path("name").asText();
        String language = sent.path("language").asText();
        return templates.stream().filter(t -> t.getName().equals(name) && t.getLanguage().equals(language)).findFirst()
                .orElse(null);
    }
}
