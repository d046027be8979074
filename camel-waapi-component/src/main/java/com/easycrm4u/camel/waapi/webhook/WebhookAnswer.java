package com.easycrm4u.camel.waapi.webhook;

/**
 * The HTTP answer to one webhook request: a status, a small JSON body ({@code {"ok":true}} or
 * {@code {"ok":false,"error":"..."}}), and for 503 a Retry-After. Host adapters write it as it is.
 *
 * @param status            the HTTP status
 * @param json              the JSON body
 * @param retryAfterSeconds the Retry-After header value, or null for none
 */
public record WebhookAnswer(int status, String json, String retryAfterSeconds) {

    /** How long a sender answered 503 should wait before it sends again. */
    public static final String RETRY_AFTER_SECONDS = "5";

    private static final String OK = "{\"ok\":true}";

    /** The answer of an outcome; maxBodySize goes into the text of a 413. */
    public static WebhookAnswer of(WebhookOutcome outcome, long maxBodySize) {
        return new WebhookAnswer(
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
