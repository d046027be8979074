package com.easycrm4u.camel.waapi;

/**
 * HTTP 403: the key lacks the permission, scope or service the call needs. Not retryable.
 */
public class WaapiPermissionException extends WaapiException {

    private static final long serialVersionUID = 1L;

    public WaapiPermissionException(String message, String apiMessage, String responseBody) {
        super(message, 403, apiMessage, responseBody);
    }
}
