package com.easycrm4u.camel.waapi.sandbox;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The field rules of request bodies, with their 400 answers. {@code prefix} names where a field sits (e.g.
 * {@code payload.} in a combined send).
 */
final class RequestRules {

    static final int MAX_TEXT = 4096;
    private static final List<String> CONTACT_FIELDS = List.of("first_name", "last_name", "profile_name", "email", "tags");

    private RequestRules() {
    }

    static String requiredText(ObjectNode body, String field, String prefix) {
        String value = optionalText(body, field, prefix);
        if (value == null) {
            throw ApiError.badRequest("'" + prefix + field + "' is required");
        }
        return value;
    }

    /** The text of a string field; null when it is absent, null or blank. */
    static String optionalText(ObjectNode body, String field, String prefix) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiError.badRequest("'" + prefix + field + "' must be a string");
        }
        return value.asText().isBlank() ? null : value.asText();
    }

    /** The digits of a required E.164 phone number field. */
    static String phoneNumber(ObjectNode body, String field) {
        return e164Digits(field, requiredText(body, field, ""));
    }

    /** The digits of a value that must be an E.164 phone number. */
    static String e164Digits(String field, String value) {
        if (!PhoneNumbers.isE164(value)) {
            throw ApiError.badRequest("'" + field + "' must be a phone number in E.164 (e.g. 917890000198), got '"
                                      + value + "'");
        }
        return PhoneNumbers.digits(value);
    }

    /** A required text of at most 4096 characters. */
    static String text(ObjectNode body, String prefix) {
        String text = requiredText(body, "body", prefix);
        if (text.length() > MAX_TEXT) {
            throw ApiError.badRequest("'" + prefix + "body' must be at most " + MAX_TEXT + " characters");
        }
        return text;
    }

    /** A Cloud API text: the text and an optional boolean {@code previewUrl}. */
    static void cloudText(ObjectNode body, String prefix) {
        text(body, prefix);
        JsonNode previewUrl = body.get("previewUrl");
        if (previewUrl != null && !previewUrl.isNull() && !previewUrl.isBoolean()) {
            throw ApiError.badRequest("'" + prefix + "previewUrl' must be a boolean");
        }
    }

    /** The payload of a {@code buttons}, {@code list} or {@code cta} combined send (shapes assumed by the sandbox). */
    static void interactive(ObjectNode payload, String type) {
        requiredText(payload, "body", "payload.");
        String list = switch (type) {
            case "buttons" -> "buttons";
            case "list" -> "sections";
            default -> null;
        };
        if (list != null) {
            JsonNode items = payload.get(list);
            if (items == null || !items.isArray() || items.isEmpty()) {
                throw ApiError.badRequest("'payload." + list + "' must be a non-empty array");
            }
        } else {
            requiredText(payload, "url", "payload.");
        }
    }

    /** The contact fields of a body ({@code first_name}, ..., {@code tags}), checked; other fields are ignored. */
    static ObjectNode contactFields(ObjectNode source, String prefix) {
        ObjectNode fields = source.objectNode();
        for (String field : CONTACT_FIELDS) {
            JsonNode value = source.get(field);
            if (value == null) {
                continue;
            }
            if ("tags".equals(field)) {
                if (!value.isArray()) {
                    throw ApiError.badRequest("'" + prefix + "tags' must be an array of strings");
                }
                for (JsonNode tag : value) {
                    if (!tag.isTextual()) {
                        throw ApiError.badRequest("'" + prefix + "tags' must be an array of strings");
                    }
                }
            } else if (!value.isTextual() && !value.isNull()) {
                throw ApiError.badRequest("'" + prefix + field + "' must be a string");
            }
            fields.set(field, value);
        }
        JsonNode email = fields.get("email");
        if (email != null && email.isTextual() && !email.asText().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw ApiError.badRequest("'" + prefix + "email' is not a valid email address");
        }
        return fields;
    }

    /** A required number within ±limit. */
    static void coordinate(ObjectNode body, String field, int limit) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw ApiError.badRequest("'" + field + "' is required");
        }
        if (!value.isNumber()) {
            throw ApiError.badRequest("'" + field + "' must be a number");
        }
        if (Math.abs(value.asDouble()) > limit) {
            throw ApiError.badRequest("'" + field + "' must be between -" + limit + " and " + limit);
        }
    }
}
