package com.easycrm4u.camel.waapi.webhook.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.easycrm4u.camel.waapi.internal.metrics.WaapiMetrics;
import com.easycrm4u.camel.waapi.webhook.WebhookSignature;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.spi.ShutdownAware;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Contract §6, hostile senders, on Camel Main's Vert.x server with a single worker thread: nothing a sender declares is
 * held before its signature is verified, the bytes held for unverified bodies are bounded (503, Retry-After, the
 * connection closed), forged bodies are refused on the event loop while the route is busy, verified deliveries wait for
 * a worker within a bound, and a body that stops arriving is answered 408 and its connection closed.
 */
class WebhookHostileSendersTest {

    private static final String TOKEN = "hostile-senders-token";
    private static final String SIGNED = "webhookVerifyToken=RAW(" + TOKEN + ")";
    private static final int SMALL = 65_536;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicInteger entered = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private Vertx vertx;
    private Main main;
    private int port;

    @BeforeEach
    void start() throws Exception {
        port = AvailablePortFinder.getNextAvailable();
        vertx = Vertx.vertx(new VertxOptions().setWorkerPoolSize(1).setEventLoopPoolSize(1));
        main = new Main();
        main.bind("vertx", vertx);
        main.bind("appMeters", meters);
        main.configure().httpServer().withEnabled(true).withHost("127.0.0.1").withPort(port);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("waapi:webhook?" + SIGNED).routeId("events").to("mock:events");
                from("waapi:webhook?path=/waapi/blocked&maxQueuedDeliveries=1&" + SIGNED).routeId("blocked")
                        .process(exchange -> {
                            entered.incrementAndGet();
                            release.await(30, TimeUnit.SECONDS);
                        });
                from("waapi:webhook?path=/waapi/small&maxBodySize=" + SMALL + "&maxUnverifiedBytes=" + SMALL
                     + "&bodyReadTimeout=500&" + SIGNED).routeId("small").to("mock:small");
            }
        });
        main.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (main != null) {
            main.stop();
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    @Test
    void connectionsThatDeclareMaxBodySizeAndSendLittleHoldOnlyWhatTheySent() throws Exception {
        int connections = 50;
        int sent = 1000;
        byte[] forged = "x".repeat(sent).getBytes(StandardCharsets.US_ASCII);
        String forgedSignature = WebhookSignature.sign(forged, "not the token");
        WebhookLimits limits = limits("/waapi/webhook");
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < connections; i++) {
                Socket socket = connect();
                sockets.add(socket);
                send(socket, head("/waapi/webhook", 1_048_576, forgedSignature));
            }
            await().until(() -> pending("events") == connections);
            assertThat(limits.unverifiedBytes()).as("nothing held for a declared Content-Length").isZero();

            for (Socket socket : sockets) {
                socket.getOutputStream().write(forged);
                socket.getOutputStream().flush();
            }
            await().until(() -> limits.unverifiedBytes() >= (long) connections * sent);
            assertThat(limits.unverifiedBytes()).isLessThanOrEqualTo(2L * connections * sent);
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        await().until(() -> limits.unverifiedBytes() == 0 && pending("events") == 0);
    }

    @Test
    void aBodyPastMaxUnverifiedBytesIsAnswered503WithRetryAfterAndTheConnectionClosed() throws Exception {
        byte[] genuine = delivery("wamid.HOLDING", SMALL - 100);
        int part = 40_000;
        try (Socket holding = connect()) {
            send(holding, head("/waapi/small", genuine.length, WebhookSignature.sign(genuine, TOKEN)));
            holding.getOutputStream().write(genuine, 0, part);
            holding.getOutputStream().flush();
            WebhookLimits limits = limits("/waapi/small");
            await().until(() -> limits.unverifiedBytes() >= part);

            byte[] other = delivery("wamid.OVER", 30_000);
            try (Socket over = connect()) {
                send(over, head("/waapi/small", other.length, WebhookSignature.sign(other, TOKEN)));
                over.getOutputStream().write(other);
                over.getOutputStream().flush();
                String answer = response(over.getInputStream());
                assertThat(answer).startsWith("HTTP/1.1 503 ").containsIgnoringCase("retry-after: ");
                assertClosedWithin(over, Duration.ofSeconds(2));
            }
            assertThat(count(WebhookOutcomeRecorder.REFUSED, "unverified_bytes_exceeded")).isEqualTo(1);

            holding.getOutputStream().write(genuine, part, genuine.length - part);
            holding.getOutputStream().flush();
            assertThat(response(holding.getInputStream())).startsWith("HTTP/1.1 200 ");
            assertThat(limits.unverifiedBytes()).isZero();
        }
    }

    @Test
    void forgedBodiesAreAnswered401WithoutWaitingForTheBusyWorker() throws Exception {
        byte[] genuine = delivery("wamid.BLOCKING", 1000);
        CompletableFuture<HttpResponse<String>> blocking
                = post("/waapi/blocked", genuine, WebhookSignature.sign(genuine, TOKEN));
        await().until(() -> entered.get() == 1);

        List<CompletableFuture<HttpResponse<String>>> forged = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            byte[] body = delivery("wamid.FORGED-" + i, 60_000);
            forged.add(post("/waapi/blocked", body, WebhookSignature.sign(body, "not the token")));
        }
        for (CompletableFuture<HttpResponse<String>> answer : forged) {
            assertThat(answer.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(401);
        }
        assertThat(blocking).isNotDone();
        assertThat(count(WebhookOutcomeRecorder.REFUSED, "signature_mismatch")).isEqualTo(forged.size());

        release.countDown();
        assertThat(blocking.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void verifiedDeliveriesPastMaxQueuedDeliveriesAreAnswered503WithRetryAfter() throws Exception {
        byte[] first = delivery("wamid.FIRST", 1000);
        byte[] second = delivery("wamid.SECOND", 1000);
        byte[] third = delivery("wamid.THIRD", 1000);
        CompletableFuture<HttpResponse<String>> running = post("/waapi/blocked", first, WebhookSignature.sign(first, TOKEN));
        await().until(() -> entered.get() == 1);
        CompletableFuture<HttpResponse<String>> queued = post("/waapi/blocked", second, WebhookSignature.sign(second, TOKEN));
        WebhookLimits limits = limits("/waapi/blocked");
        await().until(() -> limits.queuedDeliveries() == 1);

        HttpResponse<String> busy
                = post("/waapi/blocked", third, WebhookSignature.sign(third, TOKEN)).get(10, TimeUnit.SECONDS);
        assertThat(busy.statusCode()).isEqualTo(503);
        assertThat(busy.headers().firstValue("Retry-After")).hasValue(WebhookResponse.RETRY_AFTER_SECONDS);
        assertThat(count("workers_busy", "none")).isEqualTo(1);

        release.countDown();
        assertThat(running.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(queued.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(limits.queuedDeliveries()).isZero();
        assertThat(entered).hasValue(2);
    }

    @Test
    void aBodyThatStopsArrivingIsAnswered408AndItsConnectionClosed() throws Exception {
        byte[] genuine = delivery("wamid.STALLED", 1000);
        try (Socket socket = connect()) {
            send(socket, head("/waapi/small", genuine.length, WebhookSignature.sign(genuine, TOKEN)));
            socket.getOutputStream().write(genuine, 0, 100);
            socket.getOutputStream().flush();
            long started = System.nanoTime();
            assertThat(response(socket.getInputStream())).startsWith("HTTP/1.1 408 ");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertClosedWithin(socket, Duration.ofSeconds(2));
        }
        assertThat(count(WebhookOutcomeRecorder.REFUSED, "body_timeout")).isEqualTo(1);
        await().until(() -> pending("small") == 0 && limits("/waapi/small").unverifiedBytes() == 0);
    }

    private double count(String outcome, String reason) {
        Counter counter = meters.find(WaapiMetrics.WEBHOOK_DELIVERIES).tag("outcome", outcome).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private WebhookLimits limits(String path) {
        return WebhookPaths.of(main.getCamelContext()).registration(path).processor().limits();
    }

    private int pending(String routeId) {
        return ((ShutdownAware) main.getCamelContext().getRoute(routeId).getConsumer()).getPendingExchangesSize();
    }

    /** A delivery with one inbound text message, padded to about {@code size} bytes. */
    private static byte[] delivery(String messageId, int size) {
        String head = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\","
                      + "\"value\":{\"messaging_product\":\"whatsapp\",\"messages\":[{\"from\":\"917890000198\",\"id\":\""
                      + messageId + "\",\"timestamp\":\"1718000000\",\"type\":\"text\",\"text\":{\"body\":\"";
        String tail = "\"}}]}}]}]}";
        return (head + "x".repeat(Math.max(1, size - head.length() - tail.length())) + tail).getBytes(StandardCharsets.UTF_8);
    }

    private CompletableFuture<HttpResponse<String>> post(String path, byte[] body, String signature) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("X-WAAPI-Event", "messages")
                .header(WebhookSignature.HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String head(String path, long contentLength, String signature) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
               + "Content-Length: " + contentLength + "\r\nX-WAAPI-Event: messages\r\n" + WebhookSignature.HEADER + ": "
               + signature + "\r\n\r\n";
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(20_000);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads one answer's status line and headers. */
    private static String response(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        for (int c = in.read(); c >= 0; c = in.read()) {
            head.write(c);
            byte[] read = head.toByteArray();
            if (read.length >= 4 && read[read.length - 4] == '\r' && read[read.length - 3] == '\n'
                    && read[read.length - 2] == '\r' && read[read.length - 1] == '\n') {
                break;
            }
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** The server closes the connection within the time: the rest of the answer, then its end (or a reset). */
    private static void assertClosedWithin(Socket socket, Duration time) throws IOException {
        socket.setSoTimeout((int) time.toMillis());
        InputStream in = socket.getInputStream();
        try {
            byte[] rest = new byte[4096];
            while (in.read(rest) >= 0) {
                // the answer's body
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the connection was still open after " + time, e);
        } catch (SocketException reset) {
            // closed while data was unread: reset
        }
    }
}
