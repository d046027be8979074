package com.easycrm4u.camel.waapi;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Root of the WAAPI exceptions: a call the API refused (non-2xx), a call that could not be made, or a request that
 * failed validation before anything was sent. Catch a subclass to handle one case, or this class for all of them.
 */
public class WaapiException extends RuntimeException {

    private static final Pattern META_CODE = Pattern.compile("\\(#(\\d+)\\)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int statusCode;
    private final String apiMessage;
    private final Integer metaErrorCode;
    private final String responseBody;
    private final boolean retryable;
    private final Duration retryAfter;

    public WaapiException(String message, Throwable cause, int statusCode, String apiMessage, String responseBody,
                             boolean retryable, Duration retryAfter) {
        super(message, cause);
        this.statusCode = statusCode;
        this.apiMessage = apiMessage;
        this.metaErrorCode = parseMetaErrorCode(apiMessage);
        this.responseBody = responseBody;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /**
     * The exception for a non-2xx answer of the API, of the subclass that matches its status.
     *
     * @param call       what was called, e.g. {@code POST /whatsapp-api/messages/text}
     * @param retryAfter the parsed Retry-After header, or null
     */
    public static WaapiException fromResponse(String call, int status, String body, Duration retryAfter) {
        String apiMessage = extractApiMessage(body);
        String message = "WAAPI " + call + " answered HTTP " + status + (apiMessage != null ? ": " + apiMessage : "");
        switch (status) {
            case 401:
                return new WaapiAuthenticationException(message, status, apiMessage, body);
            case 403:
                return new WaapiPermissionException(message, status, apiMessage, body);
            case 404:
                return new WaapiNotFoundException(message, status, apiMessage, body);
            case 429:
                return new WaapiRateLimitException(message, apiMessage, body, retryAfter);
            default:
                boolean retryable = status == 408 || status >= 500;
                return new WaapiException(message, null, status, apiMessage, body, retryable, null);
        }
    }

    /** The HTTP status of the answer; 0 when no answer was received (validation, network). */
    public int getStatusCode() {
        return statusCode;
    }

    /** The API's own explanation: the {@code error} or else the {@code message} field of the answer. */
    public String getApiMessage() {
        return apiMessage;
    }

    /** Meta's error code when the API message holds one, such as 131026 in {@code (#131026) ...}. */
    public Integer getMetaErrorCode() {
        return metaErrorCode;
    }

    /** The raw answer body, or null. */
    public String getResponseBody() {
        return responseBody;
    }

    /**
     * Whether sending the same request again may succeed: rate limiting (429), server errors (5xx, 408) and network
     * failures. A send is not idempotent: the component does not re-send on 5xx or network errors, the route's
     * redelivery policy decides.
     */
    public boolean isRetryable() {
        return retryable;
    }

    /** How long the API asked to wait before the next call (429 only). */
    public Optional<Duration> getRetryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    static Integer parseMetaErrorCode(String apiMessage) {
        if (apiMessage == null) {
            return null;
        }
        Matcher m = META_CODE.matcher(apiMessage);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    static String extractApiMessage(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body);
            for (String field : new String[] { "error", "message" }) {
                JsonNode value = node.get(field);
                if (value != null && value.isTextual()) {
                    return value.asText();
                }
                if (value != null && value.isObject() && value.hasNonNull("message")) {
                    return value.get("message").asText();
                }
            }
            return null;
        } catch (Exception e) {
            return null;
        }
    }
}
