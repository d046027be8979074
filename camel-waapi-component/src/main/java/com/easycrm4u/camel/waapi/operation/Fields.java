package com.easycrm4u.camel.waapi.operation;

import com.easycrm4u.camel.waapi.WaapiValidationException;
import org.apache.camel.Message;

/**
 * Merging of headers, body fields and options, and the validation rules of the API reference.
 */
final class Fields {

    static final int MAX_TEXT = 4096;
    static final int MAX_CAPTION = 1024;

    private Fields() {
    }

    /** The first value that is set: a string that is not blank, or any other non-null value. */
    @SafeVarargs
    static <T> T first(T... values) {
        for (T value : values) {
            if (value != null && !(value instanceof String && ((String) value).isBlank())) {
                return value;
            }
        }
        return null;
    }

    /** The header converted to the type, or the current value when the header is not set. */
    static <T> T header(Message message, String name, Class<T> type, T current) {
        T value = message.getHeader(name, type);
        return first(value, current);
    }

    static void required(String field, Object value, String operation) {
        if (value == null || value instanceof String && ((String) value).isBlank()) {
            throw new WaapiValidationException(field, "waapi:" + operation + " needs '" + field + "'");
        }
    }

    static void phoneNumber(String field, String value, String operation) {
        required(field, value, operation);
        // not trimmed: the value is sent as it is
        if (!isE164(value)) {
            throw new WaapiValidationException(
                    field, "waapi:" + operation + ": '" + field
                           + "' must be a phone number in E.164 (7 to 15 digits, optionally after +), not '"
                           + value + "'");
        }
    }

    /** E.164: an optional plus, a non-zero first digit, 7 to 15 digits in all. Checked by hand: it runs per send. */
    static boolean isE164(String value) {
        int start = value.startsWith("+") ? 1 : 0;
        int digits = value.length() - start;
        if (digits < 7 || digits > 15 || value.charAt(start) == '0') {
            return false;
        }
        for (int i = start; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static void maxLength(String field, String value, int max, String operation) {
        if (value != null && value.length() > max) {
            throw new WaapiValidationException(
                    field, "waapi:" + operation + ": '" + field + "' has " + value.length()
                           + " characters; at most " + max + " are allowed");
        }
    }

    static void exactlyOne(String fieldA, Object a, String fieldB, Object b, String operation) {
        boolean hasA = first(a) != null;
        boolean hasB = first(b) != null;
        if (hasA == hasB) {
            throw new WaapiValidationException(
                    hasA ? fieldB : fieldA, "waapi:" + operation + " needs exactly one of '"
                                            + fieldA + "' and '" + fieldB + "', "
                                            + (hasA ? "not both" : "got neither"));
        }
    }

    static void notSupported(String field, Object value, String operation) {
        if (first(value) != null) {
            throw new WaapiValidationException(field, "waapi:" + operation + " does not support '" + field + "'");
        }
    }
}
