package com.easycrm4u.camel.waapi.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
    private final Executor calls;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration timeout;
    private final List<WebhookDelivery> deliveries = new CopyOnWriteArrayList<>();

    /**
     * {@code calls} runs each attempt, blocked for its duration, so it needs a thread per attempt under way;
     * {@code scheduler} runs the retries.
     */
    WebhookDispatcher(HttpClient http, Executor calls, ScheduledExecutorService scheduler, Clock clock,
                      int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration timeout) {
        this.http = http;
        this.calls = calls;
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
        try {
            calls.execute(() -> call(delivery, number, request));
        } catch (RejectedExecutionException closed) {
            delivery.addAttempt(new WebhookDelivery.Attempt(number, clock.instant(), 0, "not sent: the sandbox is closed"));
            LOG.warn("WAAPI sandbox webhook delivery {} ({}) to {}: the sandbox is closed; not sent",
                    delivery.getDeliveryId(), delivery.getKind(), delivery.getUrl());
            delivery.settle(WebhookDelivery.State.EXHAUSTED);
        }
    }

    /**
     * Makes one attempt on a thread of the sandbox's own: the blocking {@code send} completes on the client's pool,
     * whereas {@code sendAsync} hands every answer over to CompletableFuture's default pool first (the common pool on
     * Java 25, and on older Java whenever its parallelism is above one), where an application that keeps all the
     * workers busy would hold up every webhook. The request's timeout covers the wait for the answer's headers; the
     * rest of its body gets what is left of the timeout plus a second.
     */
    private void call(WebhookDelivery delivery, int number, HttpRequest request) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos() + TimeUnit.SECONDS.toNanos(1);
        DiscardedBody body = new DiscardedBody();
        HttpResponse<Void> response = null;
        Throwable failure = null;
        boolean interrupted = false;
        try {
            response = http.send(request, info -> body);
            body.ended.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException closing) {
            interrupted = true;
            failure = closing;
        } catch (ExecutionException bodyFailed) {
            failure = bodyFailed.getCause();
        } catch (IOException | TimeoutException | RuntimeException e) {
            failure = e;
        }
        if (failure != null) {
            body.cancel();
        }
        answered(delivery, number, failure == null ? response : null, failure,
                Duration.ofNanos(System.nanoTime() - started));
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
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
     * Discards an answer's body. Its value is ready with the headers, so that {@code send} returns then and the caller
     * waits for the end of the body with a deadline of its own.
     */
    private static final class DiscardedBody implements HttpResponse.BodySubscriber<Void> {

        final CompletableFuture<Void> ended = new CompletableFuture<>();
        private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();

        @Override
        public CompletionStage<Void> getBody() {
            return CompletableFuture.completedStage(null);
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription.complete(subscription);
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
            // discarded
        }

        @Override
        public void onError(Throwable throwable) {
            ended.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            ended.complete(null);
        }

        /** Stops reading a body that is given up on (the connection closes), now or once it starts. */
        void cancel() {
            subscription.thenAccept(Flow.Subscription::cancel);
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
