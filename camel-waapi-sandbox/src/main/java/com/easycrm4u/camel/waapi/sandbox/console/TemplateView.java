package com.easycrm4u.camel.waapi.sandbox.console;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.easycrm4u.camel.waapi.sandbox.SandboxTemplate;
import com.easycrm4u.camel.waapi.sandbox.SentMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A sent template as the customer's phone shows it: the text the sandbox knows for it (header, body, footer, buttons)
 * with the send's parameters put in place of {@code {{1}}}, {@code {{2}}}... (or of {@code {{name}}} for named
 * parameters). Internal to the sandbox.
 */
public final class TemplateView {

    /** A quick-reply button as pressing it sends it back: its index, payload and text. */
    public record QuickReply(int index, String payload, String text) {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");
    private static final String QUICK_REPLY = "quick_reply";

    private TemplateView() {
    }

    /**
     * The template part of a sent message ({@code name}, {@code language}, {@code components}): the request of the
     * template endpoint, or the {@code payload} of a combined send of a template; null for other messages.
     */
    public static JsonNode templateOf(SentMessage message) {
        if (!"template".equals(message.getType())) {
            return null;
        }
        JsonNode request = message.getRequest();
        return "template".equals(request.path("type").asText()) && request.path("payload").isObject()
                ? request.get("payload") : request;
    }

    /**
     * The button at this index as pressing it sends it back; {@link IllegalArgumentException} says why it cannot be.
     */
    public static QuickReply quickReply(JsonNode sent, SandboxTemplate known, int index) {
        String name = sent.path("name").asText();
        if (index < 0) {
            throw new IllegalArgumentException("a button index is 0 or more, not " + index);
        }
        String text = null;
        if (known != null && !known.getButtons().isEmpty()) {
            List<SandboxTemplate.Button> buttons = known.getButtons();
            if (index >= buttons.size()) {
                throw new IllegalArgumentException(
                        "template " + name + " has " + buttons.size()
                                                   + " buttons (index 0 to " + (buttons.size() - 1) + "), not " + index);
            }
            SandboxTemplate.Button button = buttons.get(index);
            if (!SandboxTemplate.Button.QUICK_REPLY.equals(button.type())) {
                throw new IllegalArgumentException(
                        "button " + index + " of template " + name + " is a "
                                                   + button.type() + " button: it opens a link and sends nothing back; "
                                                   + "press a quick-reply button");
            }
            text = button.text();
        }
        JsonNode component = buttonComponent(sent, index);
        String payload = null;
        if (component != null && QUICK_REPLY.equals(component.path("sub_type").asText())) {
            for (JsonNode parameter : component.path("parameters")) {
                if (parameter.hasNonNull("payload")) {
                    payload = parameter.get("payload").asText();
                }
            }
        }
        if (text == null && payload == null) {
            throw new IllegalArgumentException(
                    "the sandbox knows no quick-reply button " + index + " of template "
                                               + name + ": give the template its buttons "
                                               + "(SandboxTemplate.withQuickReplyButtons) or send the button with a "
                                               + "quick_reply payload");
        }
        // WhatsApp sends the button's text as its payload when the send gave it none
        return new QuickReply(index, payload != null ? payload : text, text != null ? text : payload);
    }

    /** The template as the phone shows it, with the parameters of the send. */
    public static ObjectNode render(ObjectMapper mapper, JsonNode sent, SandboxTemplate known) {
        ObjectNode view = mapper.createObjectNode();
        view.put("name", sent.path("name").asText(null));
        view.put("language", sent.path("language").asText(null));
        view.put("known", known != null);
        view.put("category", known != null ? known.getCategory() : null);
        List<JsonNode> header = parameters(sent, "header");
        List<JsonNode> body = parameters(sent, "body");
        view.put("header", known != null ? fill(known.getHeader(), header) : null);
        view.set("headerMedia", headerMedia(mapper, header));
        view.put("body", known != null ? fill(known.getBody(), body) : null);
        view.put("footer", known != null ? known.getFooter() : null);
        view.set("buttons", buttons(mapper, sent, known));
        ObjectNode given = view.putObject("parameters");
        ArrayNode headerValues = given.putArray("header");
        header.forEach(p -> headerValues.add(value(p)));
        ArrayNode bodyValues = given.putArray("body");
        body.forEach(p -> bodyValues.add(value(p)));
        return view;
    }

    private static ArrayNode buttons(ObjectMapper mapper, JsonNode sent, SandboxTemplate known) {
        ArrayNode buttons = mapper.createArrayNode();
        if (known != null && !known.getButtons().isEmpty()) {
            for (int i = 0; i < known.getButtons().size(); i++) {
                SandboxTemplate.Button button = known.getButtons().get(i);
                ObjectNode view = buttons.addObject();
                view.put("index", i);
                JsonNode component = buttonComponent(sent, i);
                List<JsonNode> values = component == null ? List.of() : list(component.path("parameters"));
                if (SandboxTemplate.Button.QUICK_REPLY.equals(button.type())) {
                    view.put("type", QUICK_REPLY);
                    view.put("text", button.text());
                    view.put("payload", quickReply(sent, known, i).payload());
                } else {
                    view.put("type", "url");
                    view.put("text", button.text());
                    view.put("url", fill(button.url(), values));
                }
            }
            return buttons;
        }
        // without the template's text, the buttons the send gave parameters to
        for (JsonNode component : sent.path("components")) {
            if ("button".equals(component.path("type").asText())) {
                int index = component.path("index").asInt(-1);
                String subType = component.path("sub_type").asText(QUICK_REPLY);
                ObjectNode view = buttons.addObject();
                view.put("index", index);
                view.put("type", subType);
                List<JsonNode> values = list(component.path("parameters"));
                String value = values.isEmpty() ? null : value(values.get(0));
                view.put("text", value);
                if (QUICK_REPLY.equals(subType)) {
                    view.put("payload", value);
                } else {
                    view.put("url", value);
                }
            }
        }
        return buttons;
    }

    private static JsonNode headerMedia(ObjectMapper mapper, List<JsonNode> header) {
        for (JsonNode parameter : header) {
            String type = parameter.path("type").asText();
            JsonNode media = parameter.get(type);
            if (List.of("image", "video", "document").contains(type) && media != null && media.isObject()) {
                ObjectNode view = mapper.createObjectNode();
                view.put("type", type);
                view.put("link", media.path("link").asText(null));
                view.put("filename", media.path("filename").asText(null));
                return view;
            }
        }
        return null;
    }

    private static JsonNode buttonComponent(JsonNode sent, int index) {
        for (JsonNode component : sent.path("components")) {
            if ("button".equals(component.path("type").asText())
                    && component.path("index").asText().equals(Integer.toString(index))) {
                return component;
            }
        }
        return null;
    }

    private static List<JsonNode> parameters(JsonNode sent, String componentType) {
        List<JsonNode> parameters = new ArrayList<>();
        for (JsonNode component : sent.path("components")) {
            if (componentType.equals(component.path("type").asText())) {
                parameters.addAll(list(component.path("parameters")));
            }
        }
        return parameters;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    /** What a parameter shows: its text, a currency's or date's fallback value, a payload, or a media link. */
    private static String value(JsonNode parameter) {
        String type = parameter.path("type").asText("text");
        JsonNode typed = parameter.get(type);
        if (typed != null && typed.isTextual()) {
            return typed.asText();
        }
        if (typed != null && typed.isObject()) {
            JsonNode shown = typed.has("fallback_value") ? typed.get("fallback_value") : typed.get("link");
            return shown != null ? shown.asText() : typed.toString();
        }
        return parameter.path("text").asText(null);
    }

    /** The text with the parameters in place; a placeholder without a parameter stays as it is. */
    static String fill(String text, List<JsonNode> parameters) {
        if (text == null) {
            return null;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String key = matcher.group(1);
            String value = null;
            if (key.length() <= 3 && key.chars().allMatch(Character::isDigit)) {
                int position = Integer.parseInt(key);
                if (position >= 1 && position <= parameters.size()) {
                    value = value(parameters.get(position - 1));
                }
            } else {
                for (JsonNode parameter : parameters) {
                    if (key.equals(parameter.path("parameter_name").asText())) {
                        value = value(parameter);
                    }
                }
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value != null ? value : matcher.group()));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }
}
