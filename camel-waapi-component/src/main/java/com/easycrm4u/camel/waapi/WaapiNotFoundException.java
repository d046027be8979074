package com.easycrm4u.camel.waapi;

/**
 * HTTP 404: the contact, message or template does not exist. Not retryable.
 */
public class WaapiNotFoundException extends WaapiException {

    private static final long serialVersionUID = 1L;

    public WaapiNotFoundException(String message, String apiMessage, String responseBody) {
        super(message, 404, apiMessage, responseBody);
    }
}
