package com.easycrm4u.camel.waapi.sandbox;

import java.util.Objects;

/**
 * An approved message template: its name (case-sensitive), language, Meta category and, optionally, how many body
 * parameters it takes. Sends of other name/language pairs fail with {@code (#132001)}; a wrong number of body
 * parameters with {@code (#132000)}.
 */
public final class SandboxTemplate {

    private final String name;
    private final String language;
    private final String category;
    private final int bodyParameters;

    private SandboxTemplate(String name, String language, String category, int bodyParameters) {
        this.name = requireText(name, "name");
        this.language = requireText(language, "language");
        this.category = requireText(category, "category");
        this.bodyParameters = bodyParameters;
    }

    /** An approved {@code utility} template that takes any number of body parameters. */
    public static SandboxTemplate of(String name, String language) {
        return new SandboxTemplate(name, language, "utility", -1);
    }

    /** The same template in another Meta category: {@code marketing}, {@code utility} or {@code authentication}. */
    public SandboxTemplate withCategory(String category) {
        return new SandboxTemplate(name, language, category.toLowerCase(java.util.Locale.ROOT), bodyParameters);
    }

    /** The same template, requiring exactly this many body parameters. */
    public SandboxTemplate withBodyParameters(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        return new SandboxTemplate(name, language, category, count);
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
                && t.category.equals(category) && t.bodyParameters == bodyParameters;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, language, category, bodyParameters);
    }

    @Override
    public String toString() {
        return "SandboxTemplate[" + name + "/" + language + ", " + category
               + (bodyParameters >= 0 ? ", " + bodyParameters + " body parameters" : "") + "]";
    }
}
