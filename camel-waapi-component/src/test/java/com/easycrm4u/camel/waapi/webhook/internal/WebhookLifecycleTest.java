package com.easycrm4u.camel.waapi.webhook.internal;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.easycrm4u.camel.waapi.webhook.WebhookSignature;
import org.apache.camel.ShutdownRoute;
import org.apache.camel.StatefulService;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.ShutdownAware;
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

    private void addRouteOnPath(String routeId, String path) throws Exception {
        addRouteOnPath(routeId, path, "");
    }

    private void addRouteOnPath(String routeId, String path, String options) throws Exception {
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
        addRouteOnPath("removable", path);
        assertThat(postSigned(path, body).statusCode()).isEqualTo(200);

        // another endpoint (Camel itself refuses a second consumer of the same one) on the same path
        assertThatThrownBy(() -> addRouteOnPath("second", path, "&split=false")).satisfies(failure -> {
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
        addRouteOnPath("takeover", path, "&split=false");
        assertThat(postSigned(path, payload("status-sent.json")).statusCode()).isEqualTo(200);
        context.removeRoute("removable");
        assertThat(postSigned(path, payload("status-read.json")).statusCode()).isEqualTo(200);
        assertThat(received("takeover")).hasSize(2);
        context.getRouteController().stopRoute("takeover");
        context.removeRoute("takeover");
        assertThat(postSigned(path, body).statusCode()).as("removed: nothing there any more").isEqualTo(404);

        // the path is free for another route, which starts with a repository of its own
        addRouteOnPath("again", path);
        assertThat(postSigned(path, body).statusCode()).isEqualTo(200);
        assertThat(received("again")).hasSize(1);
        context.getRouteController().stopRoute("again");
        context.removeRoute("again");
    }

    @Test
    void aRouteWithoutRepositoryThatTakesOverAPathWhoseFirstRouteNamedOneStillDeduplicates() throws Exception {
        String path = "/waapi/handover";
        byte[] body = payload("reference-text.json");
        addRouteOnPath("named", path, "&idempotentRepository=#webhookRepository");
        assertThat(postSigned(path, payload("reference-image.json")).statusCode()).isEqualTo(200);
        context.getRouteController().stopRoute("named");

        addRouteOnPath("unnamed", path, "&split=false");
        try {
            assertThat(postSigned(path, body).statusCode()).isEqualTo(200);
            assertThat(postSigned(path, body).statusCode()).as("the retry of a routed delivery").isEqualTo(200);
            assertThat(received("unnamed")).as("routed once, remembered in the path's own memory").hasSize(1);
        } finally {
            removeRoute("unnamed");
            context.removeRoute("named");
        }
    }

    @Test
    void aSuspendedRouteAnswers503WithRetryAfterAndRoutesAgainOnceResumed() throws Exception {
        context.getRouteController().suspendRoute("events");
        try {
            HttpResponse<String> response = postSigned(PATH, payload("reference-text.json"));
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue(WebhookResponse.RETRY_AFTER_SECONDS);
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

    /** A route of the test's own on {@code /waapi/<routeId>}, started now, whose exchanges go to mock:routeId. */
    private String addRoute(String routeId, String options) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("waapi:webhook?path=/waapi/" + routeId + "&webhookVerifyToken=RAW(" + TOKEN + ")" + options)
                        .routeId(routeId).process(exchange -> hook.process(exchange)).to("mock:" + routeId);
            }
        });
        return "/waapi/" + routeId;
    }

    /** Posts a delivery whose route waits for the release; returns once the route holds it. */
    private CompletableFuture<HttpResponse<String>> deliveryHeldInTheRoute(String path, CountDownLatch release)
            throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        hook = exchange -> {
            entered.countDown();
            assertThat(release.await(60, TimeUnit.SECONDS)).isTrue();
        };
        CompletableFuture<HttpResponse<String>> inFlight
                = CompletableFuture.supplyAsync(() -> postSigned(path, payload("reference-text.json")));
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
        return inFlight;
    }

    private void removeRoute(String routeId) throws Exception {
        context.getRouteController().stopRoute(routeId);
        context.removeRoute(routeId);
    }

    @Test
    void theInMemoryRepositoryRemembersIdempotentCacheSizeEvents() throws Exception {
        String path = addRoute("forgetful", "&idempotentCacheSize=1");
        try {
            assertThat(postSigned(path, payload("reference-text.json")).statusCode()).isEqualTo(200);
            assertThat(postSigned(path, payload("reference-text.json")).statusCode()).isEqualTo(200);
            assertThat(received("forgetful")).as("remembered").hasSize(1);

            assertThat(postSigned(path, payload("reference-image.json")).statusCode()).isEqualTo(200);
            assertThat(postSigned(path, payload("reference-text.json")).statusCode()).isEqualTo(200);
            assertThat(received("forgetful")).as("one event remembered: the first one was forgotten").hasSize(3);
        } finally {
            removeRoute("forgetful");
        }
    }

    @Test
    void aBlankEventsListRoutesEveryEvent() throws Exception {
        String path = addRoute("anyevent", "&events=RAW( , )");
        try {
            assertThat(postSigned(path, payload("status-read.json")).statusCode()).isEqualTo(200);
            assertThat(postSigned(path, payload("reference-text.json")).statusCode()).isEqualTo(200);
            assertThat(received("anyevent")).hasSize(2);
        } finally {
            removeRoute("anyevent");
        }
    }

    @Test
    void refusalsNotLoggedYetAreReportedWhenTheRouteStops() throws Exception {
        String path = addRoute("refusing", "");
        byte[] body = payload("reference-text.json");
        String forged = "sha256=" + "0".repeat(64);
        for (int i = 0; i < 3; i++) {
            assertThat(post(path, body, WebhookSignature.HEADER, forged).statusCode()).isEqualTo(401);
        }

        String log = StandardErrorCapture.capture(() -> removeRoute("refusing"));

        assertThat(log).contains("waapi:webhook on /waapi/refusing refused 2 request(s) since the last report: "
                                 + "X-Hub-Signature-256 does not match the body (answered 401)");
    }

    @Test
    void aStopThatRunsOutOfTimeSaysHowManyDeliveriesAreStillInFlight() throws Exception {
        String path = addRoute("slow", "");
        long timeout = context.getShutdownStrategy().getTimeout();
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> inFlight = deliveryHeldInTheRoute(path, release);
        try {
            context.getShutdownStrategy().setTimeout(1);

            String log = StandardErrorCapture.capture(() -> {
                context.getRouteController().stopRoute("slow");
                await().atMost(30, TimeUnit.SECONDS)
                        .until(() -> ((StatefulService) context.getRoute("slow").getConsumer()).isStopped());
            });

            assertThat(log)
                    .contains("waapi:webhook on /waapi/slow: 1 deliveries still in flight as it stops (waited up to 1000 ms)");
        } finally {
            release.countDown();
            context.getShutdownStrategy().setTimeout(timeout);
        }
        inFlight.get(30, TimeUnit.SECONDS);
        context.removeRoute("slow");
    }

    /**
     * What Camel's shutdown task does when the shutdown times out: it interrupts the thread that stops the consumer.
     */
    @Test
    void aStopOnAnInterruptedThreadStillStopsAndNamesTheDeliveriesInFlight() throws Exception {
        String path = addRoute("interrupted", "");
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> inFlight = deliveryHeldInTheRoute(path, release);
        StatefulService consumer = (StatefulService) context.getRoute("interrupted").getConsumer();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        try {
            String log = StandardErrorCapture.capture(() -> {
                Thread.currentThread().interrupt();
                try {
                    consumer.stop();
                } finally {
                    stillInterrupted.set(Thread.interrupted());
                }
            });

            assertThat(log).contains("waapi:webhook on /waapi/interrupted: 1 deliveries still in flight as it stops");
            assertThat(consumer.isStopped()).isTrue();
            assertThat(stillInterrupted).as("the interrupt is left for the shutdown task to see").isTrue();
        } finally {
            release.countDown();
        }
        inFlight.get(30, TimeUnit.SECONDS);
        removeRoute("interrupted");
    }

    @Test
    void aRouteWhoseShutdownIsDeferredAnswers503OnceStopped() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("waapi:webhook?path=/waapi/deferred&webhookVerifyToken=RAW(" + TOKEN + ")").routeId("deferred")
                        .shutdownRoute(ShutdownRoute.Defer).to("mock:deferred");
            }
        });
        context.getRouteController().stopRoute("deferred");
        try {
            HttpResponse<String> whileStopped = postSigned("/waapi/deferred", payload("reference-text.json"));
            assertThat(whileStopped.statusCode()).isEqualTo(503);
            assertThat(received("deferred")).isEmpty();
        } finally {
            context.removeRoute("deferred");
        }
    }

    @Test
    void aStopWaitsForADeliveryWhoseBodyIsStillArrivingAndCamelSaysSo() throws Exception {
        String path = addRoute("arriving", "");
        byte[] body = payload("reference-text.json");
        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port() + "\r\nContent-Type: application/json\r\n"
                       + "Content-Length: " + body.length + "\r\n" + WebhookSignature.HEADER + ": "
                       + WebhookSignature.sign(body, TOKEN) + "\r\nX-WAAPI-Event: messages\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
            await().atMost(30, TimeUnit.SECONDS).until(() -> consumer("arriving").getPendingExchangesSize() == 1);

            CompletableFuture<Void> stop = CompletableFuture.runAsync(() -> {
                try {
                    context.getRouteController().stopRoute("arriving");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try {
                await().atMost(30, TimeUnit.SECONDS).until(() -> log.toString(StandardCharsets.UTF_8)
                        .contains("Waiting as there are still 1 inflight and pending exchanges to complete"));
            } finally {
                out.write(body, body.length / 2, body.length - body.length / 2);
                out.flush();
            }
            assertThat(new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine()).isEqualTo("HTTP/1.1 200 OK");
            stop.get(60, TimeUnit.SECONDS);
        } finally {
            System.setErr(original);
            original.print(log.toString(StandardCharsets.UTF_8));
        }
        assertThat(received("arriving")).hasSize(1);
        context.removeRoute("arriving");
    }

    private ShutdownAware consumer(String routeId) {
        return (ShutdownAware) context.getRoute(routeId).getConsumer();
    }
}
