package com.easycrm4u.camel.waapi.sandbox.console;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.easycrm4u.camel.waapi.sandbox.CustomerMessage;
import com.easycrm4u.camel.waapi.sandbox.WaapiSandbox;
import com.easycrm4u.camel.waapi.sandbox.WebhookDelivery;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The console's actions, {@code POST /console/api/<action>}: each acts as the customer or the platform through the
 * sandbox's own methods, so what follows goes the real webhook way (signed, retried). An
 * {@link IllegalArgumentException} says what is wrong with the request (400), an {@link IllegalStateException} why the
 * message cannot do that now (409).
 */
final class ConsoleActions {

    /** The actions, each with the fields it takes (the others are refused, so a typo is not silently ignored). */
    static final Map<String, List<String>> FIELDS = fields();

    private static final int MAX_TEXT = 4096;

    private final WaapiSandbox sandbox;
    private final ConsoleState state;
    private final ObjectMapper mapper;

    ConsoleActions(WaapiSandbox sandbox, ConsoleState state, ObjectMapper mapper) {
        this.sandbox = sandbox;
        this.state = state;
        this.mapper = mapper;
    }

    private static Map<String, List<String>> fields() {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("reply", List.of("customer", "business", "text"));
        fields.put("button", List.of("messageId", "buttonIndex"));
        fields.put("media", List.of("customer", "business", "type", "caption", "link", "filename"));
        fields.put("location", List.of("customer", "business", "latitude", "longitude", "name", "address"));
        fields.put("read", List.of("messageId"));
        fields.put("fail", List.of("messageId", "code", "title", "details"));
        fields.put("test-event", List.of("apiKey"));
        return Collections.unmodifiableMap(fields);
    }

    /** Runs the action; the answer's fields go beside {@code "ok": true}. */
    ObjectNode run(String action, ObjectNode body) {
        for (var names = body.fieldNames(); names.hasNext();) {
            String field = names.next();
            if (!FIELDS.get(action).contains(field)) {
                throw new IllegalArgumentException("'" + action + "' takes " + FIELDS.get(action) + ", not '" + field + "'");
            }
        }
        return switch (action) {
            case "reply" -> inbound(sandbox.injectText(customer(body), business(body), text(body, "text", true)));
            case "button" -> inbound(sandbox.injectTemplateButtonReply(text(body, "messageId", true),
                    integer(body, "buttonIndex")));
            case "media" -> media(body);
            case "location" -> inbound(sandbox.injectLocation(customer(body), business(body),
                    number(body, "latitude"), number(body, "longitude"), text(body, "name", false),
                    text(body, "address", false)));
            case "read" -> {
                String messageId = text(body, "messageId", true);
                sandbox.markRead(messageId);
                yield answer().put("messageId", messageId);
            }
            case "fail" -> fail(body);
            case "test-event" -> testEvent(body);
            default -> throw new IllegalStateException("no action " + action);
        };
    }

    private ObjectNode media(ObjectNode body) {
        String type = text(body, "type", true);
        String link = text(body, "link", false);
        String filename = text(body, "filename", false);
        if (filename == null && "document".equals(type)) {
            filename = InboundMedia.fileName(link);
        }
        String caption = text(body, "caption", false);
        InboundMedia.check(type, caption, filename);
        CustomerMessage sent = sandbox.injectMedia(customer(body), business(body), type, caption,
                InboundMedia.mimeType(type, link), filename);
        state.rememberLink(sent.messageId(), link);
        return inbound(sent);
    }

    private ObjectNode fail(ObjectNode body) {
        String messageId = text(body, "messageId", true);
        int code = integer(body, "code");
        String title = text(body, "title", false);
        if (title != null) {
            sandbox.failMessage(messageId, code, title, text(body, "details", false));
        } else {
            sandbox.failMessage(messageId, code);
        }
        return answer().put("messageId", messageId).put("code", code);
    }

    private ObjectNode testEvent(ObjectNode body) {
        String name = text(body, "apiKey", false);
        WebhookDelivery delivery = sandbox.sendTestEvent(
                name != null ? name : sandbox.getPrimaryApiKey().getName());
        ObjectNode answer = answer();
        answer.putArray("deliveries").add(delivery.getDeliveryId());
        return answer;
    }

    /** The customer's message and the deliveries it started; a note when no route will receive it. */
    private ObjectNode inbound(CustomerMessage message) {
        ObjectNode answer = answer().put("messageId", message.messageId());
        ArrayNode ids = answer.putArray("deliveries");
        List<WebhookDelivery> deliveries = sandbox.getDeliveries().stream()
                .filter(d -> message.messageId().equals(d.getMessageId())).toList();
        deliveries.forEach(d -> ids.add(d.getDeliveryId()));
        if (deliveries.isEmpty()) {
            answer.put("note", "no API key bound to +" + message.to() + " has a webhook URL (subscribed to messages), "
                               + "so no route receives this message; point a key's webhook at the route "
                               + "(deliverWebhooksTo or setWebhookUrl)");
        }
        return answer;
    }

    private ObjectNode answer() {
        return mapper.createObjectNode().put("ok", true);
    }

    private static String customer(ObjectNode body) {
        return text(body, "customer", true);
    }

    /** The business number, or the sandbox's first when the page leaves it out. */
    private String business(ObjectNode body) {
        String business = text(body, "business", false);
        return business != null ? business : "+" + sandbox.getPhoneNumbers().get(0);
    }

    private static String text(ObjectNode body, String field, boolean required) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull() || value.isTextual() && value.asText().isBlank()) {
            if (required) {
                throw new IllegalArgumentException("'" + field + "' is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' must be a string");
        }
        if (value.asText().length() > MAX_TEXT) {
            throw new IllegalArgumentException("'" + field + "' must be at most " + MAX_TEXT + " characters");
        }
        return value.asText();
    }

    private static int integer(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("'" + field + "' is required");
        }
        if (value.isTextual() && value.asText().matches("-?\\d{1,9}")) {
            return Integer.parseInt(value.asText());
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("'" + field + "' must be a whole number");
        }
        return value.asInt();
    }

    private static double number(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("'" + field + "' is required");
        }
        if (value.isTextual()) {
            try {
                return Double.parseDouble(value.asText().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + field + "' must be a number, not '" + value.asText() + "'");
            }
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException("'" + field + "' must be a number");
        }
        return value.asDouble();
    }
}
