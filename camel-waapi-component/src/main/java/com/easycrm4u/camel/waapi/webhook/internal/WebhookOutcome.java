package com.easycrm4u.camel.waapi.webhook.internal;

/**
 * How the webhook consumer answered one HTTP request: every request ends in exactly one of these, recorded in one place
 * ({@link WebhookOutcomeRecorder}). The refusals are what {@link WebhookRefusalLog} counts and logs per reason.
 */
public enum WebhookOutcome {

    /** Every event of the delivery was routed, now or by an earlier attempt, and at least one now: 200. */
    ROUTED(200, null),
    /** Every event of the delivery had been routed before (a retry, duplicate or replay): 200, nothing routed. */
    DUPLICATE(200, null),
    /** The X-WAAPI-Event is not among the endpoint's {@code events}: 200, nothing routed. */
    FILTERED(200, null),
    /** The route failed (an exception or rollback) on an event: 500, so the sender retries it. */
    ROUTE_FAILED(500, null),
    /** An event of the delivery is being routed by another attempt (on this node or another): 503 with Retry-After. */
    IN_FLIGHT_ELSEWHERE(503, null),
    /** The consumer is stopping or suspended: 503 with Retry-After; the retry reaches it, or another node, later. */
    UNAVAILABLE(503, null),
    /** The consumer could not handle the request (e.g. its idempotent repository failed): 500, retried. */
    FAILED(500, null),
    /**
     * A verified delivery found maxQueuedDeliveries others waiting for a worker thread (the route is saturated): 503
     * with Retry-After, retried.
     */
    WORKERS_BUSY(503, null),

    /** Refused: no X-Hub-Signature-256 header. */
    SIGNATURE_MISSING(401, "X-Hub-Signature-256 missing"),
    /** Refused: the X-Hub-Signature-256 header is not {@code sha256=} and 64 hex digits. */
    SIGNATURE_MALFORMED(401, "X-Hub-Signature-256 malformed (not sha256= and 64 hex digits)"),
    /** Refused: the signature does not match the body under any configured verify token. */
    SIGNATURE_MISMATCH(401, "X-Hub-Signature-256 does not match the body"),
    /** Refused: the body is larger than maxBodySize (by Content-Length, or while it was read). */
    BODY_TOO_LARGE(413, "body over maxBodySize"),
    /** Refused: a form or multipart content type, which hosts parse (and buffer) on their own; WAAPI sends JSON. */
    UNSUPPORTED_MEDIA_TYPE(415, "form or multipart content type"),
    /** Refused: the sender did not send the whole body in time; 408 is retried. */
    BODY_TIMEOUT(408, "body not received in time"),
    /** Refused: a correctly signed body that is not JSON at all. */
    NOT_JSON(400, "signed body is not JSON"),
    /**
     * Shed: the body would take the bytes held for bodies not verified yet past maxUnverifiedBytes (many large or slow
     * bodies at once): 503 with Retry-After, the connection closed; a genuine delivery is retried.
     */
    UNVERIFIED_BYTES_EXCEEDED(503, "unverified bodies at maxUnverifiedBytes");

    private final int status;
    private final String refusalReason;

    WebhookOutcome(int status, String refusalReason) {
        this.status = status;
        this.refusalReason = refusalReason;
    }

    /** The HTTP status the request is answered with. */
    public int status() {
        return status;
    }

    /**
     * Whether the request was refused, not merely answered: as invalid (a 4xx of the sender's making), or shed because
     * unverified bodies hold too much (a 503 that senders' load forced).
     */
    public boolean isRefusal() {
        return refusalReason != null;
    }

    /** What was wrong with a refused request, for logs: never the body or a token. Null for the other outcomes. */
    public String refusalReason() {
        return refusalReason;
    }
}
