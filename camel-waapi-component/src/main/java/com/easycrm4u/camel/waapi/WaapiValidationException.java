package com.easycrm4u.camel.waapi;

/**
 * The request was refused before anything was sent: a required field is missing or a value is malformed.
 */
public class WaapiValidationException extends WaapiException {

    private final String field;

    public WaapiValidationException(String field, String message) {
        super(message, null, 0, null, null, false, null);
        this.field = field;
    }

    /** The request field at fault, as named in the API reference (e.g. {@code to}, {@code fromPhoneNo}). */
    public String getField() {
        return field;
    }
}
