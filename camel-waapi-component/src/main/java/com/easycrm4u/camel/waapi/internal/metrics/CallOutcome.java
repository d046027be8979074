package com.easycrm4u.camel.waapi.internal.metrics;

import com.easycrm4u.camel.waapi.WaapiAuthenticationException;
import com.easycrm4u.camel.waapi.WaapiConnectionException;
import com.easycrm4u.camel.waapi.WaapiException;
import com.easycrm4u.camel.waapi.WaapiOutcomeUnknownException;
import com.easycrm4u.camel.waapi.WaapiPermissionException;
import com.easycrm4u.camel.waapi.WaapiRateLimitException;
import com.easycrm4u.camel.waapi.WaapiServerException;
import com.easycrm4u.camel.waapi.WaapiValidationException;

/**
 * How an exchange through a {@code waapi:} producer ended, as the {@code outcome} tag of the {@code waapi.messages}
 * counter names it.
 */
public enum CallOutcome {

    /** The API answered 2xx. */
    SUCCESS("success"),
    /** Refused by validation before anything was sent. */
    INVALID("invalid"),
    /** 401 or 403: the key or secret is wrong, or lacks a permission. */
    UNAUTHORIZED("unauthorized"),
    /** 429 after the component's own retries. */
    RATE_LIMITED("rate_limited"),
    /** Another answer of the API that refuses the request (400, 404, 409, ...). */
    REJECTED("rejected"),
    /** 5xx or 408: the API failed and asks for a retry. */
    SERVER_ERROR("server_error"),
    /** The request never left: connect refused or timed out, TLS handshake failed. */
    NOT_SENT("not_sent"),
    /** Sent, or maybe sent, and whether it was processed is unknown. */
    OUTCOME_UNKNOWN("outcome_unknown"),
    /** The answer could not be turned into the exchange's result. */
    FAILED("failed");

    private final String tag;

    CallOutcome(String tag) {
        this.tag = tag;
    }

    /** The value of the {@code outcome} tag. */
    public String tag() {
        return tag;
    }

    /** The outcome of an exchange that ended with this exception, or succeeded (null). */
    public static CallOutcome of(Throwable failure) {
        if (failure == null) {
            return SUCCESS;
        }
        if (failure instanceof WaapiValidationException) {
            return INVALID;
        }
        if (failure instanceof WaapiAuthenticationException || failure instanceof WaapiPermissionException) {
            return UNAUTHORIZED;
        }
        if (failure instanceof WaapiRateLimitException) {
            return RATE_LIMITED;
        }
        if (failure instanceof WaapiServerException) {
            return SERVER_ERROR;
        }
        if (failure instanceof WaapiConnectionException) {
            return NOT_SENT;
        }
        if (failure instanceof WaapiOutcomeUnknownException) {
            return OUTCOME_UNKNOWN;
        }
        if (failure instanceof WaapiException && ((WaapiException) failure).getStatusCode() > 0) {
            return REJECTED;
        }
        return FAILED;
    }
}
