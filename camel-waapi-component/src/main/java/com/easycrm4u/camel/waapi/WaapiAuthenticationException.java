package com.easycrm4u.camel.waapi;

/**
 * HTTP 401: missing or invalid X-API-Key or X-API-Secret. Not retryable: the same credentials fail again.
 */
public class WaapiAuthenticationException extends WaapiException {

    private static final long serialVersionUID = 1L;

    public WaapiAuthenticationException(String message, String apiMessage, String responseBody) {
        super(message, 401, apiMessage, responseBody);
    }
}
