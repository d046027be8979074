package com.easycrm4u.camel.waapi.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One webhook delivery and every attempt to deliver it. All attempts of a delivery carry the same
 * {@code X-WAAPI-Delivery} id and the same signed bytes.
 */
public final class WebhookDelivery {

    /** Where a delivery stands. */
    public enum State {
        /** Not acknowledged yet; a (re)try is pending. */
        PENDING,
        /** Acknowledged with a 2xx. */
        DELIVERED,
        /** Answered with a status that is not retried (e.g. 400, 401, 404); given up at once. */
        REJECTED,
        /** Every allowed attempt failed with a retryable outcome. */
        EXHAUSTED
    }

    /**
     * One attempt: the HTTP status of the answer, or 0 with the error when there was no answer (refused, timeout,
     * reset).
     */
    public record Attempt(int number, Instant at, int statusCode, String error) {

        public boolean answered() {
            return statusCode > 0;
        }
    }

    private final String deliveryId;
    private final String apiKeyName;
    private final String url;
    private final String event;
    private final String kind;
    private final String messageId;
    private final String body;
    private final String signature;
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final List<Duration> durations = new CopyOnWriteArrayList<>();
    private volatile Instant nextAttemptAt;
    private volatile State state = State.PENDING;
    private final CompletableFuture<WebhookDelivery> settled = new CompletableFuture<>();

    WebhookDelivery(String deliveryId, String apiKeyName, String url, String event, String kind, String messageId,
                    String body, String signature) {
        this.deliveryId = deliveryId;
        this.apiKeyName = apiKeyName;
        this.url = url;
        this.event = event;
        this.kind = kind;
        this.messageId = messageId;
        this.body = body;
        this.signature = signature;
    }

    /** The {@code X-WAAPI-Delivery} id, the same on every attempt. */
    public String getDeliveryId() {
        return deliveryId;
    }

    public String getApiKeyName() {
        return apiKeyName;
    }

    public String getUrl() {
        return url;
    }

    /** The {@code X-WAAPI-Event} value, e.g. {@code messages}. */
    public String getEvent() {
        return event;
    }

    /**
     * What the delivery carries: a status ({@code sent}, {@code delivered}, {@code read}, {@code failed}), an inbound
     * message type ({@code inbound:text}, {@code inbound:image}, {@code inbound:interactive}), a template review
     * ({@code template:APPROVED}, ...), the key's test event ({@code test}) or a QR session's new status
     * ({@code qr_session:connected}, {@code qr_session:disconnected}).
     */
    public String getKind() {
        return kind;
    }

    /**
     * What the delivery is about: the sent wamid for statuses, the customer's wamid for inbound messages, the template
     * id for reviews, the session id for QR session events; null for test events.
     */
    public String getMessageId() {
        return messageId;
    }

    /** The exact JSON body that was signed and sent. */
    public String getBody() {
        return body;
    }

    /** The {@code X-Hub-Signature-256} header value. */
    public String getSignature() {
        return signature;
    }

    public List<Attempt> getAttempts() {
        return List.copyOf(attempts);
    }

    /** The status codes answered, in order (0 for attempts without an answer). */
    public List<Integer> getStatusCodes() {
        return attempts.stream().map(Attempt::statusCode).toList();
    }

    /** How long each attempt waited for its answer (or its failure), in the order of {@link #getAttempts()}. */
    public List<Duration> getAttemptDurations() {
        return List.copyOf(durations);
    }

    /** When the next attempt is due, while a retry is pending; else null. */
    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public State getState() {
        return state;
    }

    void addAttempt(Attempt attempt) {
        addAttempt(attempt, Duration.ZERO);
    }

    void addAttempt(Attempt attempt, Duration took) {
        // the duration first: whoever sees the attempt finds its duration
        durations.add(took);
        nextAttemptAt = null;
        attempts.add(attempt);
    }

    void retryAt(Instant at) {
        nextAttemptAt = at;
    }

    /** Sets the final state; the delivery is settled. */
    void settle(State state) {
        this.nextAttemptAt = null;
        this.state = state;
        settled.complete(this);
    }

    /** Completes (never exceptionally) when the delivery is acknowledged, refused or given up. */
    CompletableFuture<WebhookDelivery> settled() {
        return settled;
    }

    @Override
    public String toString() {
        return "WebhookDelivery[" + deliveryId + ", " + event + "/" + kind + " of " + messageId + " to " + url + ", "
               + state + ", answers " + getStatusCodes() + "]";
    }
}
