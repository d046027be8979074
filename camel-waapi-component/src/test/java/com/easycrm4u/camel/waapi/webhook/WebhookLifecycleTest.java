package com.easycrm4u.camel.waapi.webhook;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.StatefulService;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

    private void addRoute(String routeId, String path) throws Exception {
        addRoute(routeId, path, "");
    }

    private void addRoute(String routeId, String path, String options) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("waapi:webhook?path=" + path + options + "&webhookVerifyToken=RAW(" + TOKEN + ")").routeId(routeId)
                        .to("mock:" + routeId);
            }
        });
    }

    @Test
    void aPathServesOneRouteAtATimeAndIsFreedWhenItsLastRouteIsRemoved() throws Exception {
        String path = "/waapi/removable";
        byte[] body = payload("reference-text.json");
        addRoute("removable", path);
        assertThat(postSigned(path, body).statusCode()).isEqualTo(200);

        // another endpoint (Camel itself refuses a second consumer of the same one) on the same path
        assertThatThrownBy(() -> addRoute("second", path, "&split=false")).satisfies(failure -> {
            Throwable cause = failure;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            assertThat(cause).isInstanceOf(IllegalStateException.class).hasMessage(
                    "POST /waapi/removable is served by another waapi:webhook route already; give this one another path");
        });
        context.removeRoute("second");
        // the running route still serves the path, and the failed one took nothing with it
        assertThat(postSigned(path, payload("reference-image.json")).statusCode()).isEqualTo(200);
        assertThat(received("removable")).hasSize(2);

        context.getRouteController().stopRoute("removable");
        assertThat(postSigned(path, body).statusCode()).as("stopped: retried later").isEqualTo(503);
        // another route takes the stopped route's path over, and keeps it when the stopped one is removed
        addRoute("takeover", path, "&split=false");
        assertThat(postSigned(path, payload("status-sent.json")).statusCode()).isEqualTo(200);
        context.removeRoute("removable");
        assertThat(postSigned(path, payload("status-read.json")).statusCode()).isEqualTo(200);
        assertThat(received("takeover")).hasSize(2);
        context.getRouteController().stopRoute("takeover");
        context.removeRoute("takeover");
        assertThat(postSigned(path, body).statusCode()).as("removed: nothing there any more").isEqualTo(404);

        // the path is free for another route, which starts with a repository of its own
        addRoute("again", path);
        assertThat(postSigned(path, body).statusCode()).isEqualTo(200);
        assertThat(received("again")).hasSize(1);
        context.getRouteController().stopRoute("again");
        context.removeRoute("again");
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
