package com.easycrm4u.camel.waapi;

/**
 * HTTP 401 — missing or invalid X-API-Key or X-API-Secret.
 */
public class WaapiAuthenticationException extends WaapiException {

    public WaapiAuthenticationException(String message, int statusCode, String apiMessage, String responseBody) {
        super(message, null, statusCode, apiMessage, responseBody, false, null);
    }
}
