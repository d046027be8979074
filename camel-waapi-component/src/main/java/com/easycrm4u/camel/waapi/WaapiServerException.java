package com.easycrm4u.camel.waapi;

/**
 * HTTP 5xx (other than 502 and 504) or 408: the API says it failed, or did not take the request, and asks for a retry
 * ("500 — Server error — please retry"). Retryable; the component does not re-send it by itself, your route's error
 * handler decides.
 */
public class WaapiServerException extends WaapiException {

    private static final long serialVersionUID = 1L;

    public WaapiServerException(String message, int statusCode, String apiMessage, String responseBody) {
        super(message, statusCode, apiMessage, responseBody);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
