package com.easycrm4u.camel.waapi.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The retry rule of webhook deliveries (docs/sandbox.md, "Retries"): which answers are retried, after how long, and how
 * a delivery ends. The scheduler records each wait the dispatcher asks for and runs the retry at once.
 */
class WebhookDispatcherTest {

    private static final SandboxApiKey KEY = SandboxApiKey.builder("waapi_hooks").name("Hooks")
            .webhookVerifyToken("hook-token").build();

    /** Runs every scheduled retry at once and remembers the wait it was scheduled with. */
    private static final class RecordingScheduler extends ScheduledThreadPoolExecutor {

        final List<Long> waitsMillis = new CopyOnWriteArrayList<>();

        RecordingScheduler() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            waitsMillis.add(unit.toMillis(delay));
            return super.schedule(command, 0, unit);
        }
    }

    /** Answers each request with the next scripted status (then the last one), with an optional Retry-After. */
    private static final class Receiver implements AutoCloseable {

        private final HttpServer server;
        private final java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newCachedThreadPool();
        private final ConcurrentLinkedDeque<Integer> statuses = new ConcurrentLinkedDeque<>();
        private volatile String retryAfter;
        private final CountDownLatch release = new CountDownLatch(1);
        private volatile boolean hang;
        private volatile boolean stallBody;

        Receiver(Integer... statuses) throws IOException {
            this.statuses.addAll(List.of(statuses));
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/hook", exchange -> {
                exchange.getRequestBody().readAllBytes();
                if (hang) {
                    awaitRelease();
                }
                Integer status = this.statuses.size() > 1 ? this.statuses.pollFirst() : this.statuses.peekFirst();
                if (retryAfter != null) {
                    exchange.getResponseHeaders().set("Retry-After", retryAfter);
                }
                if (stallBody) {
                    exchange.sendResponseHeaders(status, 2);
                    exchange.getResponseBody().write('{');
                    exchange.getResponseBody().flush();
                    awaitRelease();
                    exchange.close();
                    return;
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.setExecutor(executor);
            server.start();
        }

        private void awaitRelease() {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        @Override
        public void close() {
            release.countDown();
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private final RecordingScheduler scheduler = new RecordingScheduler();
    private final java.util.concurrent.ExecutorService calls = java.util.concurrent.Executors.newCachedThreadPool();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        calls.shutdownNow();
    }

    private WebhookDispatcher dispatcher(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        return new WebhookDispatcher(
                http, calls, scheduler, Clock.systemUTC(), maxAttempts, initialBackoff, maxBackoff,
                Duration.ofSeconds(5));
    }

    /** A delivery of one attempt with a timeout of 300 ms, once settled. */
    private WebhookDelivery deliverOnceWithin300Millis(Receiver receiver) {
        return settled(new WebhookDispatcher(
                http, calls, scheduler, Clock.systemUTC(), 1, Duration.ofMillis(10), Duration.ofMillis(10),
                Duration.ofMillis(300)).deliver(KEY, receiver.url(), "messages", "sent", "wamid.1", "{}"));
    }

    private static WebhookDelivery settled(WebhookDelivery delivery) {
        await().atMost(Duration.ofSeconds(20)).until(() -> delivery.settled().isDone());
        return delivery;
    }

    @Test
    void theWaitDoublesFromTheInitialBackoffUpToTheMaximum() throws IOException {
        try (Receiver receiver = new Receiver(500)) {
            WebhookDelivery delivery = settled(dispatcher(5, Duration.ofMillis(100), Duration.ofMillis(300))
                    .deliver(KEY, receiver.url(), "messages", "sent", "wamid.1", "{}"));

            assertThat(scheduler.waitsMillis).containsExactly(100L, 200L, 300L, 300L);
            assertThat(delivery.getState()).isEqualTo(WebhookDelivery.State.EXHAUSTED);
            assertThat(delivery.getStatusCodes()).containsExactly(500, 500, 500, 500, 500);
            assertThat(delivery.getAttempts()).extracting(WebhookDelivery.Attempt::number).containsExactly(1, 2, 3, 4, 5);
        }
    }

    @Test
    void fiveHundredsRequestTimeoutsAndTooManyRequestsAreRetried() throws IOException {
        try (Receiver receiver = new Receiver(503, 408, 429, 599, 204)) {
            WebhookDelivery delivery = settled(dispatcher(5, Duration.ofMillis(10), Duration.ofMillis(10))
                    .deliver(KEY, receiver.url(), "messages", "sent", "wamid.1", "{}"));

            assertThat(delivery.getStatusCodes()).containsExactly(503, 408, 429, 599, 204);
            assertThat(delivery.getState()).isEqualTo(WebhookDelivery.State.DELIVERED);
        }
    }

    @Test
    void otherAnswersAreNeverRetried() throws IOException {
        for (int status : new int[] { 300, 400, 404, 407, 409, 499 }) {
            try (Receiver receiver = new Receiver(status, 200)) {
                WebhookDelivery delivery = settled(dispatcher(5, Duration.ofMillis(10), Duration.ofMillis(10))
                        .deliver(KEY, receiver.url(), "messages", "sent", "wamid.1", "{}"));

                assertThat(delivery.getStatusCodes()).as("answer %d", status).containsExactly(status);
                assertThat(delivery.getState()).as("answer %d", status).isEqualTo(WebhookDelivery.State.REJECTED);
            }
        }
        assertThat(scheduler.waitsMillis).isEmpty();
    }

    @Test
    void anyTwoHundredAcknowledges() throws IOException {
        for (int status : new int[] { 200, 202, 299 }) {
            try (Receiver receiver = new Receiver(status)) {
                WebhookDelivery delivery = settled(dispatcher(1, Duration.ofMillis(10), Duration.ofMillis(10))
                        .deliver(KEY, receiver.url(), "messages", "sent", "wamid.1", "{}"));

                assertThat(delivery.getState()).as("answer %d", status).isEqualTo(WebhookDelivery.State.DELIVERED);
                assertThat(delivery.getAttempts()).singleElement().satisfies(a -> assertThat(a.answered()).isTrue());
            }
        }
    }

    @Test
    void aRetryAfterInSecondsSetsTheWaitWithinTheMaximum() throws IOException {
        try (Receiver receiver = new Receiver(429, 429, 429, 200)) {
            receiver.retryAfter = " 2 ";
            settled(dispatcher(5, Duration.ofMillis(10), Duration.ofSeconds(30))
                    .deliver(KEY, receiver.url(), "messages", "sent", "wamid.1", "{}"));
            assertThat(scheduler.waitsMillis).containsExactly(2000L, 2000L, 2000L);
        }
        scheduler.waitsMillis.clear();
        try (Receiver receiver = new Receiver(429, 200)) {
            receiver.retryAfter = "120";
            settled(dispatcher(5, Duration.ofMillis(10), Duration.ofSeconds(30))
                    .deliver(KEY, receiver.url(), "messages", "sent", "wamid.1", "{}"));
            assertThat(scheduler.waitsMillis).as("capped").containsExactly(30_000L);
        }
    }

    @Test
    void aRetryAfterThatIsADateOrComesWithoutA429KeepsTheBackoff() throws IOException {
        try (Receiver receiver = new Receiver(429, 200)) {
            receiver.retryAfter = "Wed, 21 Oct 2026 07:28:00 GMT";
            settled(dispatcher(5, Duration.ofMillis(40), Duration.ofSeconds(30))
                    .deliver(KEY, receiver.url(), "messages", "sent", "wamid.1", "{}"));
        }
        try (Receiver receiver = new Receiver(503, 200)) {
            receiver.retryAfter = "7";
            settled(dispatcher(5, Duration.ofMillis(40), Duration.ofSeconds(30))
                    .deliver(KEY, receiver.url(), "messages", "sent", "wamid.1", "{}"));
        }
        assertThat(scheduler.waitsMillis).containsExactly(40L, 40L);
    }

    @Test
    void noAnswerIsRetriedAndRecordedWithItsError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        WebhookDelivery delivery = settled(dispatcher(3, Duration.ofMillis(10), Duration.ofMillis(10))
                .deliver(KEY, "http://127.0.0.1:" + closedPort + "/hook", "messages", "sent", "wamid.1", "{}"));

        assertThat(delivery.getState()).isEqualTo(WebhookDelivery.State.EXHAUSTED);
        assertThat(delivery.getStatusCodes()).containsExactly(0, 0, 0);
        assertThat(delivery.getAttempts()).allSatisfy(a -> {
            assertThat(a.answered()).isFalse();
            // the innermost cause that says something, not the wrapper of the asynchronous call nor an exception
            // without a message that has a cause
            assertThat(a.error()).doesNotContain("CompletionException").isNotEqualTo("ConnectException")
                    .doesNotEndWith(": null").matches("\\w+Exception(: .+)?");
        });
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsAFailedAttempt() throws IOException {
        try (Receiver receiver = new Receiver(200)) {
            receiver.hang = true;
            WebhookDelivery delivery = deliverOnceWithin300Millis(receiver);

            assertThat(delivery.getState()).isEqualTo(WebhookDelivery.State.EXHAUSTED);
            assertThat(delivery.getAttempts()).singleElement()
                    .satisfies(a -> assertThat(a.error()).isEqualTo("HttpTimeoutException: request timed out"));
        }
    }

    @Test
    void anAnswerWhoseBodyStopsComingIsAFailedAttemptASecondAfterTheTimeout() throws IOException {
        try (Receiver receiver = new Receiver(200)) {
            receiver.stallBody = true;
            WebhookDelivery delivery = deliverOnceWithin300Millis(receiver);

            assertThat(delivery.getState()).isEqualTo(WebhookDelivery.State.EXHAUSTED);
            assertThat(delivery.getAttempts()).singleElement().satisfies(a -> {
                assertThat(a.statusCode()).isZero();
                assertThat(a.error()).isEqualTo("TimeoutException");
            });
            assertThat(delivery.getAttemptDurations()).singleElement()
                    .satisfies(took -> assertThat(took).isBetween(Duration.ofMillis(1300), Duration.ofSeconds(5)));
        }
    }

    @Test
    void aDeliveryAfterTheSandboxClosedIsNotSent() throws IOException {
        try (Receiver receiver = new Receiver(200)) {
            calls.shutdownNow();
            WebhookDelivery delivery = dispatcher(5, Duration.ofMillis(10), Duration.ofMillis(10))
                    .deliver(KEY, receiver.url(), "messages", "sent", "wamid.1", "{}");

            assertThat(delivery.settled()).isDone();
            assertThat(delivery.getState()).isEqualTo(WebhookDelivery.State.EXHAUSTED);
            assertThat(delivery.getAttempts()).singleElement().satisfies(a -> {
                assertThat(a.statusCode()).isZero();
                assertThat(a.error()).isEqualTo("not sent: the sandbox is closed");
            });
        }
    }

    @Test
    void aDeliveryInFlightWhenTheSandboxClosesIsSettledAllTheSame() throws IOException {
        java.util.concurrent.ExecutorService httpPool = java.util.concurrent.Executors.newCachedThreadPool();
        HttpClient pooled = HttpClient.newBuilder().executor(httpPool).build();
        try (Receiver receiver = new Receiver(200)) {
            receiver.hang = true;
            WebhookDispatcher dispatcher = new WebhookDispatcher(
                    pooled, calls, scheduler, Clock.systemUTC(), 3,
                    Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(300));
            WebhookDelivery delivery = dispatcher.deliver(KEY, receiver.url(), "messages", "sent", "wamid.1", "{}");
            // what closing the sandbox does: its HTTP pool, its pool of webhook calls and its scheduler stop
            httpPool.shutdownNow();
            calls.shutdownNow();
            scheduler.shutdownNow();

            settled(delivery);
            assertThat(delivery.getState()).isEqualTo(WebhookDelivery.State.EXHAUSTED);
            assertThat(delivery.getStatusCodes()).containsExactly(0);
        }
    }

    @Test
    void aCallbackUrlTheClientCannotCallIsRejectedAtOnce() {
        WebhookDelivery delivery = dispatcher(5, Duration.ofMillis(10), Duration.ofMillis(10))
                .deliver(KEY, "ftp://127.0.0.1/hook", "messages", "sent", "wamid.1", "{}");

        assertThat(delivery.settled()).isDone();
        assertThat(delivery.getState()).isEqualTo(WebhookDelivery.State.REJECTED);
        assertThat(delivery).hasToString("WebhookDelivery[" + delivery.getDeliveryId() + ", messages/sent of wamid.1 to "
                                         + "ftp://127.0.0.1/hook, REJECTED, answers [0]]");
        assertThat(delivery.getDeliveryId()).matches("[0-9a-f-]{36}");
        assertThat(delivery.getAttempts()).singleElement().satisfies(a -> {
            assertThat(a.statusCode()).isZero();
            assertThat(a.error()).isEqualTo("invalid callback URL");
        });
    }

    @Test
    void aRetryAfterTheSchedulerIsClosedGivesUp() throws IOException {
        try (Receiver receiver = new Receiver(500)) {
            scheduler.shutdown();
            WebhookDelivery delivery = settled(dispatcher(5, Duration.ofMillis(10), Duration.ofMillis(10))
                    .deliver(KEY, receiver.url(), "messages", "sent", "wamid.1", "{}"));

            assertThat(delivery.getState()).isEqualTo(WebhookDelivery.State.EXHAUSTED);
            assertThat(delivery.getStatusCodes()).containsExactly(500);
        }
    }
}
