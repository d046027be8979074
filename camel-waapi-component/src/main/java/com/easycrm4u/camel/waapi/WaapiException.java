package com.easycrm4u.camel.waapi;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.easycrm4u.camel.waapi.internal.WaapiFailures;
import org.apache.camel.spi.HttpResponseAware;

/**
 * Root of the WAAPI exceptions: a call the API refused (non-2xx), a call that could not be made or whose outcome is
 * unknown, or a request that failed validation before anything was sent. Catch a subclass to handle one case, or this
 * class for all of them; {@link #isRetryable()} says whether sending the same request again is safe.
 * <p>
 * Built by {@link WaapiFailures}, the one place that decides which case a failure is. Takes no suppressed exceptions,
 * so {@code exchange.getException(WaapiException.class)} is always the failure of the last attempt.
 * <p>
 * It is Camel's {@link HttpResponseAware}, as camel-http's {@code HttpOperationFailedException} is, so Camel's tools (a
 * polling consumer's last error, its health check's {@code http.response.code}) read the status of the answer.
 */
public class WaapiException extends RuntimeException implements HttpResponseAware {

    private static final long serialVersionUID = 1L;
    private static final Pattern META_CODE = Pattern.compile("\\(#(\\d+)\\)");

    private final int statusCode;
    private final String apiMessage;
    private final String responseBody;

    /** A failure without an answer of the API. */
    public WaapiException(String message, Throwable cause) {
        this(message, cause, 0, null, null);
    }

    /**
     * An answer of the API.
     *
     * @param responseBody the answer as kept for the exception (already cut to a bounded length), or null
     */
    public WaapiException(String message, int statusCode, String apiMessage, String responseBody) {
        this(message, null, statusCode, apiMessage, responseBody);
    }

    private WaapiException(String message, Throwable cause, int statusCode, String apiMessage, String responseBody) {
        // no suppressed exceptions: Camel's redelivery adds the previous attempt's failure as suppressed, and
        // exchange.getException(WaapiException.class) would then find that one before this attempt's own failure
        super(message, cause, false, true);
        this.statusCode = statusCode;
        this.apiMessage = apiMessage;
        this.responseBody = responseBody;
    }

    /** The HTTP status of the answer; 0 when no answer was received (validation, network). */
    public int getStatusCode() {
        return statusCode;
    }

    /** The HTTP status of the answer, as {@link #getStatusCode()}: 0 when no answer was received. */
    @Override
    public int getHttpResponseCode() {
        return statusCode;
    }

    /**
     * Null: the status line's reason phrase is not kept (HTTP/2 has none); {@link #getApiMessage()} is the API's own
     * explanation.
     */
    @Override
    public String getHttpResponseStatus() {
        return null;
    }

    /** Unsupported, as on camel-http's exception: the status is the answer's, and this exception does not change. */
    @Override
    public void setHttpResponseCode(int code) {
        throw new UnsupportedOperationException("the status of a WaapiException is the answer's and does not change");
    }

    /** Unsupported, as on camel-http's exception: the status is the answer's, and this exception does not change. */
    @Override
    public void setHttpResponseStatus(String status) {
        throw new UnsupportedOperationException("the status of a WaapiException is the answer's and does not change");
    }

    /** The API's own explanation: the {@code error} or else the {@code message} field of the answer. */
    public String getApiMessage() {
        return apiMessage;
    }

    /** Meta's error code when the API message holds one, such as 131026 in {@code (#131026) ...}. */
    public Integer getMetaErrorCode() {
        if (apiMessage == null) {
            return null;
        }
        Matcher m = META_CODE.matcher(apiMessage);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** The answer body, cut to at most {@link WaapiFailures#MAX_KEPT_BODY} characters; null without an answer. */
    public String getResponseBody() {
        return responseBody;
    }

    /**
     * Whether sending the same request again is safe: it cannot deliver the message twice. True only when the request
     * was not processed: it was never sent (see {@link WaapiConnectionException}), or the API answered that it did not
     * process it (429, 408, a 5xx in the API's own error shape other than a gateway's 502 and 504). False for every
     * other case, in particular for {@link WaapiOutcomeUnknownException}, which a 5xx from a proxy in front of the API
     * is.
     */
    public boolean isRetryable() {
        return false;
    }

    /** How long the API asked to wait before the next call (429 only). */
    public Optional<Duration> getRetryAfter() {
        return Optional.empty();
    }
}
