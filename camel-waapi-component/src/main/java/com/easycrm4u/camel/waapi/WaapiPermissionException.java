package com.easycrm4u.camel.waapi;

/**
 * HTTP 403 — the key lacks the permission, scope or service the call needs.
 */
public class WaapiPermissionException extends WaapiException {

    public WaapiPermissionException(String message, int statusCode, String apiMessage, String responseBody) {
        super(message, null, statusCode, apiMessage, responseBody, false, null);
    }
}
