package com.easycrm4u.camel.waapi.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.easycrm4u.camel.waapi.webhook.WebhookSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers signed webhooks the way WAAPI does: {@code X-Hub-Signature-256} over the exact bytes, {@code X-WAAPI-Event}
 * and a unique {@code X-WAAPI-Delivery}; acknowledged by any 2xx; retried with exponential backoff (the same delivery
 * id and bytes) after 5xx, 408, 429 or no answer, at most {@code maxAttempts} times; given up at once after any other
 * answer.
 */
final class WebhookDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration timeout;
    private final List<WebhookDelivery> deliveries = new CopyOnWriteArrayList<>();

    WebhookDispatcher(HttpClient http, ScheduledExecutorService scheduler, Clock clock, int maxAttempts,
                      Duration initialBackoff, Duration maxBackoff, Duration timeout) {
        this.http = http;
        this.scheduler = scheduler;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.timeout = timeout;
    }

    /** Signs the body and starts delivering it to the key's callback URL. */
    WebhookDelivery deliver(SandboxApiKey key, String url, String event, String kind, String subjectId, String body) {
        String signature = WebhookSignature.sign(body, key.getWebhookVerifyToken());
        WebhookDelivery delivery = new WebhookDelivery(
                Ids.deliveryId(), key.getName(), url, event, kind, subjectId, body,
                signature);
        deliveries.add(delivery);
        attempt(delivery, 1);
        return delivery;
    }

    List<WebhookDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    void clear() {
        deliveries.clear();
    }

    private void attempt(WebhookDelivery delivery, int number) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(delivery.getUrl()))
                    .version(HttpClient.Version.HTTP_1_1)
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "WAAPI-Sandbox-Webhooks/1.0")
                    .header(WebhookSignature.HEADER, delivery.getSignature())
                    .header("X-WAAPI-Event", delivery.getEvent())
                    .header("X-WAAPI-Delivery", delivery.getDeliveryId())
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.getBody(), StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException badUrl) {
            delivery.addAttempt(new WebhookDelivery.Attempt(number, clock.instant(), 0, "invalid callback URL"));
            LOG.warn("WAAPI sandbox webhook delivery {} ({}) to {}: the URL is not valid; not retried",
                    delivery.getDeliveryId(), delivery.getKind(), delivery.getUrl());
            delivery.settle(WebhookDelivery.State.REJECTED);
            return;
        }
        long started = System.nanoTime();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .orTimeout(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS)
                .whenCompleteAsync((response, failure) -> answered(delivery, number, response, failure,
                        Duration.ofNanos(System.nanoTime() - started)), this::onHttpThread);
    }

    private void answered(
            WebhookDelivery delivery, int number, HttpResponse<Void> response, Throwable failure, Duration took) {
        int status = failure == null ? response.statusCode() : 0;
        String error = failure == null ? null : describe(failure);
        delivery.addAttempt(new WebhookDelivery.Attempt(number, clock.instant(), status, error), took);
        if (status >= 200 && status < 300) {
            delivery.settle(WebhookDelivery.State.DELIVERED);
            return;
        }
        String outcome = status == 0 ? error : "HTTP " + status;
        if (status != 0 && !retryable(status)) {
            LOG.warn("WAAPI sandbox webhook delivery {} ({}) to {} failed on attempt {} of {}: {}; not retried (only "
                     + "5xx, 408, 429 and no answer are)",
                    delivery.getDeliveryId(), delivery.getKind(), delivery.getUrl(),
                    number, maxAttempts, outcome);
            delivery.settle(WebhookDelivery.State.REJECTED);
        } else if (number >= maxAttempts) {
            LOG.warn("WAAPI sandbox webhook delivery {} ({}) to {} failed on attempt {} of {}: {}; giving up",
                    delivery.getDeliveryId(), delivery.getKind(), delivery.getUrl(), number, maxAttempts, outcome);
            delivery.settle(WebhookDelivery.State.EXHAUSTED);
        } else {
            Duration wait = backoff(number, status == 429 ? response.headers().firstValue("Retry-After").orElse(null) : null);
            LOG.warn("WAAPI sandbox webhook delivery {} ({}) to {} failed on attempt {} of {}: {}; retrying in {} ms",
                    delivery.getDeliveryId(), delivery.getKind(), delivery.getUrl(), number, maxAttempts, outcome,
                    wait.toMillis());
            try {
                delivery.retryAt(clock.instant().plus(wait));
                scheduler.schedule(() -> attempt(delivery, number + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closing) {
                delivery.settle(WebhookDelivery.State.EXHAUSTED);
            }
        }
    }

    /**
     * Runs the handling of an answer on the HTTP client's pool: java.net.http alone completes on CompletableFuture's
     * default pool, a new thread per answer on two cores or fewer. While the sandbox closes, it runs here instead.
     */
    private void onHttpThread(Runnable task) {
        try {
            http.executor().orElse(Runnable::run).execute(task);
        } catch (RejectedExecutionException closing) {
            task.run();
        }
    }

    static boolean retryable(int status) {
        return status >= 500 || status == 408 || status == 429;
    }

    private Duration backoff(int attemptsDone, String retryAfter) {
        Duration wait = initialBackoff.multipliedBy(1L << Math.min(attemptsDone - 1, 20));
        if (retryAfter != null) {
            try {
                wait = Duration.ofSeconds(Long.parseLong(retryAfter.trim()));
            } catch (NumberFormatException notSeconds) {
                // an HTTP date: keep the computed backoff
            }
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && (cause instanceof java.util.concurrent.CompletionException
                || cause.getMessage() == null)) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() != null ? ": " + cause.getMessage() : "");
    }
}
