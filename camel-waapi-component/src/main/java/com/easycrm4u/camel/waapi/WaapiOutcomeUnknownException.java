package com.easycrm4u.camel.waapi;

/**
 * The request was sent, or may have been, and whether the API processed it is unknown: no answer within
 * {@code requestTimeout}, the connection reset or closed after the request was written, a gateway that lost the API's
 * answer (502, 504, Cloudflare's 520 to 527), a 5xx that is not the API's own error answer (a proxy's or load
 * balancer's page, an Envoy "upstream reset"), or a 2xx answer that cannot be read (not JSON, larger than
 * {@code maxResponseSize}).
 * <p>
 * Not retryable: sending again may deliver the message twice. Look the message up by its delivery webhook (a status
 * event for the recipient), or move the exchange to a dead letter channel for a person to decide.
 */
public class WaapiOutcomeUnknownException extends WaapiException {

    private static final long serialVersionUID = 1L;

    /** No answer, or an answer cut short. */
    public WaapiOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }

    /** An answer that does not tell whether the request was processed. */
    public WaapiOutcomeUnknownException(String message, int statusCode, String apiMessage, String responseBody) {
        super(message, statusCode, apiMessage, responseBody);
    }
}
