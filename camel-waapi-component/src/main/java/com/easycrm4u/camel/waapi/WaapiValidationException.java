package com.easycrm4u.camel.waapi;

/**
 * The request was refused before anything was sent: a required field is missing or a value is malformed. Not retryable:
 * the same request fails again.
 */
public class WaapiValidationException extends WaapiException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public WaapiValidationException(String field, String message) {
        super(message, null);
        this.field = field;
    }

    /** The request field at fault, as named in the API reference (e.g. {@code to}, {@code fromPhoneNo}). */
    public String getField() {
        return field;
    }
}
