package com.easycrm4u.camel.waapi.webhook;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.StatefulService;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * While the route is suspended or stopping, deliveries are answered 503 with Retry-After (retried), never 404 (not
 * retried); a delivery in flight finishes, and its event is recorded as routed or not, before the consumer stops.
 */
class WebhookLifecycleTest extends WebhookTestSupport {

    private static final String PATH = "/waapi/webhook";

    private StatefulService consumer() {
        return (StatefulService) context.getRoute("events").getConsumer();
    }

    private CompletableFuture<Void> stopInBackground() {
        return CompletableFuture.runAsync(() -> {
            try {
                context.getRouteController().stopRoute("events");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aSuspendedRouteAnswers503WithRetryAfterAndRoutesAgainOnceResumed() throws Exception {
        context.getRouteController().suspendRoute("events");
        try {
            HttpResponse<String> response = postSigned(PATH, payload("reference-text.json"));
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue(WebhookAnswer.RETRY_AFTER_SECONDS);
            assertThat(received("events")).isEmpty();
        } finally {
            context.getRouteController().resumeRoute("events");
        }
        assertThat(postSigned(PATH, payload("reference-text.json")).statusCode()).isEqualTo(200);
        assertThat(received("events")).hasSize(1);
    }

    @Test
    void aStopLetsTheDeliveryInFlightFinishAnswers503MeanwhileAndRemembersTheRoutedEvent() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        hook = exchange -> {
            entered.countDown();
            assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
        };
        byte[] inFlight = payload("reference-text.json");
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> postSigned(PATH, inFlight));
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stop = stopInBackground();
        try {
            await().atMost(30, TimeUnit.SECONDS).until(() -> consumer().isSuspended() || consumer().isStopping());
            HttpResponse<String> whileStopping = postSigned(PATH, payload("reference-image.json"));
            assertThat(whileStopping.statusCode()).isEqualTo(503);
            assertThat(whileStopping.headers().firstValue("Retry-After")).isPresent();
            assertThat(first).isNotDone();
        } finally {
            release.countDown();
        }
        assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        stop.get(60, TimeUnit.SECONDS);

        context.getRouteController().startRoute("events");
        hook = exchange -> {
        };
        assertThat(postSigned(PATH, inFlight).statusCode()).isEqualTo(200);
        assertThat(postSigned(PATH, payload("reference-image.json")).statusCode()).isEqualTo(200);
        assertThat(received("events")).hasSize(2);
    }

    @Test
    void anEventWhoseRouteFailsWhileTheConsumerStopsIsRoutedOnTheRetryAfterTheRestart() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger attempts = new AtomicInteger();
        hook = exchange -> {
            if (attempts.incrementAndGet() == 1) {
                entered.countDown();
                assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
                throw new IllegalStateException("database down while stopping");
            }
        };
        byte[] body = payload("status-read.json");
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> postSigned(PATH, body));
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> stop = stopInBackground();
        await().atMost(30, TimeUnit.SECONDS).until(() -> consumer().isSuspended() || consumer().isStopping());
        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(500);
        stop.get(60, TimeUnit.SECONDS);

        context.getRouteController().startRoute("events");
        assertThat(postSigned(PATH, body).statusCode()).isEqualTo(200);
        assertThat(attempts).hasValue(2);
        assertThat(received("events")).hasSize(1);
    }
}
