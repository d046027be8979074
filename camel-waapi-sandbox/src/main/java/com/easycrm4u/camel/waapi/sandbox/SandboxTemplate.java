package com.easycrm4u.camel.waapi.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An approved message template: its name (case-sensitive), language, Meta category and, optionally, how many body
 * parameters it takes. Sends of other name/language pairs fail with {@code (#132001)}; a wrong number of body
 * parameters with {@code (#132000)}. Its text (header, body, footer and buttons, with {@code {{1}}}, {@code {{2}}}...
 * placeholders) is optional: the sandbox console shows a sent template with its parameters filled in, as the customer's
 * phone would, and a quick-reply button pressed there carries the button's payload.
 */
public final class SandboxTemplate {

    /** A button of a template: {@code QUICK_REPLY} or {@code URL} (whose URL may end in a {@code {{1}}}). */
    public record Button(String type, String text, String url) {

        /** A quick-reply button's type. */
        public static final String QUICK_REPLY = "QUICK_REPLY";
        /** A URL button's type. */
        public static final String URL = "URL";

        public Button {
            requireText(type, "button type");
            requireText(text, "button text");
        }
    }

    private final String name;
    private final String language;
    private final String category;
    private final int bodyParameters;
    private final String header;
    private final String body;
    private final String footer;
    private final List<Button> buttons;

    private SandboxTemplate(String name, String language, String category, int bodyParameters, String header,
                            String body, String footer, List<Button> buttons) {
        this.name = requireText(name, "name");
        this.language = requireText(language, "language");
        this.category = requireText(category, "category");
        this.bodyParameters = bodyParameters;
        this.header = header;
        this.body = body;
        this.footer = footer;
        this.buttons = List.copyOf(buttons);
    }

    /** An approved {@code utility} template that takes any number of body parameters. */
    public static SandboxTemplate of(String name, String language) {
        return new SandboxTemplate(name, language, "utility", -1, null, null, null, List.of());
    }

    /** The same template in another Meta category: {@code marketing}, {@code utility} or {@code authentication}. */
    public SandboxTemplate withCategory(String category) {
        return new SandboxTemplate(
                name, language, category.toLowerCase(java.util.Locale.ROOT), bodyParameters, header,
                body, footer, buttons);
    }

    /** The same template, requiring exactly this many body parameters. */
    public SandboxTemplate withBodyParameters(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        return new SandboxTemplate(name, language, category, count, header, body, footer, buttons);
    }

    /** The same template with this text header, e.g. {@code "Order {{1}}"}. */
    public SandboxTemplate withHeader(String text) {
        return new SandboxTemplate(name, language, category, bodyParameters, text, body, footer, buttons);
    }

    /** The same template with this body, e.g. {@code "Hi {{1}}, your order {{2}} has shipped."}. */
    public SandboxTemplate withBody(String text) {
        return new SandboxTemplate(name, language, category, bodyParameters, header, text, footer, buttons);
    }

    /** The same template with this footer (footers take no parameters). */
    public SandboxTemplate withFooter(String text) {
        return new SandboxTemplate(name, language, category, bodyParameters, header, body, text, buttons);
    }

    /** The same template with these quick-reply buttons added, in order (button index 0, 1, ...). */
    public SandboxTemplate withQuickReplyButtons(String... texts) {
        List<Button> more = new ArrayList<>(buttons);
        for (String text : texts) {
            more.add(new Button(Button.QUICK_REPLY, text, null));
        }
        return new SandboxTemplate(name, language, category, bodyParameters, header, body, footer, more);
    }

    /** The same template with a URL button added; the URL may end in {@code {{1}}}, filled by the send's parameter. */
    public SandboxTemplate withUrlButton(String text, String url) {
        List<Button> more = new ArrayList<>(buttons);
        more.add(new Button(Button.URL, text, requireText(url, "button URL")));
        return new SandboxTemplate(name, language, category, bodyParameters, header, body, footer, more);
    }

    public String getName() {
        return name;
    }

    public String getLanguage() {
        return language;
    }

    /** The Meta pricing category, reported in the conversation and pricing of status webhooks. */
    public String getCategory() {
        return category;
    }

    /** The number of body parameters the template takes, or -1 when any number is accepted. */
    public int getBodyParameters() {
        return bodyParameters;
    }

    /** The text header, or null. */
    public String getHeader() {
        return header;
    }

    /** The body text, or null when the sandbox was not told it. */
    public String getBody() {
        return body;
    }

    /** The footer, or null. */
    public String getFooter() {
        return footer;
    }

    /** The buttons, in index order. */
    public List<Button> getButtons() {
        return buttons;
    }

    String key() {
        return key(name, language);
    }

    static String key(String name, String language) {
        return name + "\u0000" + language;
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a template needs a " + what);
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SandboxTemplate t && t.name.equals(name) && t.language.equals(language)
                && t.category.equals(category) && t.bodyParameters == bodyParameters && Objects.equals(t.header, header)
                && Objects.equals(t.body, body) && Objects.equals(t.footer, footer) && t.buttons.equals(buttons);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, language, category, bodyParameters, header, body, footer, buttons);
    }

    @Override
    public String toString() {
        return "SandboxTemplate[" + name + "/" + language + ", " + category
               + (bodyParameters >= 0 ? ", " + bodyParameters + " body parameters" : "") + "]";
    }
}
