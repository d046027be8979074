package com.easycrm4u.camel.waapi;

/**
 * HTTP 404 — the contact, message or template does not exist.
 */
public class WaapiNotFoundException extends WaapiException {

    public WaapiNotFoundException(String message, int statusCode, String apiMessage, String responseBody) {
        super(message, null, statusCode, apiMessage, responseBody, false, null);
    }
}
