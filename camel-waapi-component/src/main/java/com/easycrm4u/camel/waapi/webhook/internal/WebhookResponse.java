package com.easycrm4u.camel.waapi.webhook.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTTP answer to one webhook request: a status, a small JSON body ({@code {"ok":true}} or
 * {@code {"ok":false,"error":"..."}}), and for 503 a Retry-After. Every host writes it through {@link #writeTo}, so
 * what an answer carries is decided here alone, whichever host (Vert.x router, platform-http, Spring MVC) writes it.
 *
 * @param status            the HTTP status
 * @param json              the JSON body
 * @param retryAfterSeconds the Retry-After header value, or null for none
 */
public record WebhookResponse(int status, String json, String retryAfterSeconds) {

    /** How long a sender answered 503 should wait before it sends again. */
    public static final String RETRY_AFTER_SECONDS = "5";

    private static final String OK = "{\"ok\":true}";

    /** How a host puts an answer on its response. */
    @FunctionalInterface
    public interface Writer<E extends Exception> {
        void write(int status, Map<String, String> headers, String json) throws E;
    }

    /**
     * Writes the answer: its status, the headers (Content-Type, Retry-After for a 503, and {@code Connection: close}
     * when closing), its JSON body.
     *
     * @param closing whether the connection is closed once answered because the rest of the request is not read, and
     *                the host closes it on seeing the header (a servlet container); a host that closes the connection
     *                itself (Vert.x, where HTTP/2 forbids the header) passes false
     */
    public <E extends Exception> void writeTo(Writer<E> host, boolean closing) throws E {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (retryAfterSeconds != null) {
            headers.put("Retry-After", retryAfterSeconds);
        }
        if (closing) {
            headers.put("Connection", "close");
        }
        host.write(status, headers, json);
    }

    /** The answer of an outcome; maxBodySize goes into the text of a 413. */
    public static WebhookResponse of(WebhookOutcome outcome, long maxBodySize) {
        return new WebhookResponse(
                outcome.status(), json(outcome, maxBodySize),
                outcome.status() == 503 ? RETRY_AFTER_SECONDS : null);
    }

    private static String json(WebhookOutcome outcome, long maxBodySize) {
        return switch (outcome) {
            case ROUTED, DUPLICATE, FILTERED -> OK;
            case ROUTE_FAILED -> error("the route failed to process the delivery; send it again");
            case IN_FLIGHT_ELSEWHERE -> error("an event of this delivery is being processed; send it again later");
            case UNAVAILABLE -> error("the receiver is stopping or suspended; send it again later");
            case FAILED -> error("the delivery could not be processed; send it again");
            case SIGNATURE_MISSING, SIGNATURE_MALFORMED, SIGNATURE_MISMATCH -> error("invalid or missing X-Hub-Signature-256");
            case BODY_TOO_LARGE -> error("the body is larger than " + maxBodySize + " bytes");
            case UNSUPPORTED_MEDIA_TYPE -> error("webhook deliveries are JSON; form and multipart bodies are not accepted");
            case BODY_TIMEOUT -> error("the body was not received in time; send it again");
            case NOT_JSON -> error("the body is not valid JSON");
            case WORKERS_BUSY -> error("the receiver is busy; send it again later");
            case UNVERIFIED_BYTES_EXCEEDED -> error("the receiver holds too many unverified bodies; send it again later");
        };
    }

    // only constant texts and numbers: nothing to escape
    private static String error(String message) {
        return "{\"ok\":false,\"error\":\"" + message + "\"}";
    }
}
