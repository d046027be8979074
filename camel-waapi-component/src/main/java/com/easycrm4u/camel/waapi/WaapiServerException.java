package com.easycrm4u.camel.waapi;

/**
 * HTTP 5xx in the API's own error shape (a JSON object with {@code "success": false}; not 502, 504 nor 520 to 527), or
 * 408: the API says it failed, or did not take the request, and asks for a retry ("500 — Server error — please retry").
 * A 5xx in any other shape came from a proxy in front of the API and is a {@link WaapiOutcomeUnknownException}.
 * Retryable; the component does not re-send it by itself, your route's error handler decides.
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
