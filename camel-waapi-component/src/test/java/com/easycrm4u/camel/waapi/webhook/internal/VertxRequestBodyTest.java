package com.easycrm4u.camel.waapi.webhook.internal;

import java.io.ByteArrayInputStream;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The body of a paused Vert.x request, read within the limit: collected on the event loop (the webhook's route on
 * platform-http's router), or read by a worker thread that was handed the paused request (platform-http with its body
 * handler off, on an engine whose router the consumer cannot reach). Each path of the test server reads the body one
 * way and answers 200 with the bytes read, 413 too large, 408 too slow or 500 when the reading failed.
 */
class VertxRequestBodyTest {

    private static final int LIMIT = 64;
    private static final int LARGE_LIMIT = 65_536;
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);

    private static Vertx vertx;
    private static HttpServer server;
    private static CamelContext camel;
    private static final AtomicReference<Throwable> FAILURE = new AtomicReference<>();
    private static final AtomicReference<Boolean> INTERRUPTED = new AtomicReference<>();
    private static final AtomicReference<HttpServerRequest> LAST = new AtomicReference<>();
    /** The limits of /held: what the requests to it hold is measured. */
    private static final WebhookLimits HELD = limits(LARGE_LIMIT, Duration.ofSeconds(30));
    private static final AtomicInteger HELD_REQUESTS = new AtomicInteger();
    /** The limits of /budget: its requests may hold no more than one body of LARGE_LIMIT in total. */
    private static final WebhookLimits BUDGET = new WebhookLimits(LARGE_LIMIT, Duration.ofSeconds(30), LARGE_LIMIT, 100);

    @BeforeAll
    static void startServer() {
        camel = new DefaultCamelContext();
        vertx = Vertx.vertx();
        Map<String, Consumer<HttpServerRequest>> paths = new HashMap<>(
                Map.of(
                        "/worker",
                        request -> onWorker(request,
                                () -> VertxRequestBody.read(request, limits(LIMIT, Duration.ofSeconds(10)))),
                        "/thread",
                        request -> onThread(request,
                                () -> VertxRequestBody.read(request, limits(LIMIT, Duration.ofSeconds(10)))),
                        "/thread-short", request -> onThread(request,
                                () -> VertxRequestBody.read(request, limits(LIMIT, SHORT_TIMEOUT))),
                        "/interrupted", request -> onThread(request, () -> {
                            Thread.currentThread().interrupt();
                            try {
                                return VertxRequestBody.read(request, limits(LIMIT, Duration.ofSeconds(10)));
                            } finally {
                                INTERRUPTED.set(Thread.interrupted());
                            }
                        }),
                        "/collect",
                        request -> VertxRequestBody.collect(request, limits(LIMIT, SHORT_TIMEOUT), answer(request)),
                        "/collect-large",
                        request -> VertxRequestBody.collect(request, limits(LARGE_LIMIT, Duration.ofSeconds(10)),
                                answer(request)),
                        "/ended", request -> {
                            // a host that let the request end unread before handing it over
                            request.endHandler(
                                    end -> VertxRequestBody.collect(request, limits(LIMIT, Duration.ofSeconds(10)),
                                            answer(request)));
                            request.resume();
                        },
                        "/message",
                        request -> onWorker(request,
                                () -> WebhookBodyReader.read(message(request), limits(LIMIT, Duration.ofSeconds(10)))),
                        "/refuse", request -> {
                            VertxRequestBody.closeAfterAnswer(request);
                            request.response().setStatusCode(413).end();
                        },
                        "/refuse-message", request -> {
                            WebhookBodyReader.leaveUnread(message(request));
                            request.response().setStatusCode(413).end();
                        }));
        paths.put("/held", request -> {
            HELD_REQUESTS.incrementAndGet();
            VertxRequestBody.collect(request, HELD, answer(request));
        });
        paths.put("/budget", request -> VertxRequestBody.collect(request, BUDGET, answer(request)));
        server = vertx.createHttpServer(new HttpServerOptions().setMaxChunkSize(LARGE_LIMIT)).requestHandler(request -> {
            request.pause();
            LAST.set(request);
            try {
                paths.getOrDefault(request.path(), ignored -> request.response().end()).accept(request);
            } catch (RuntimeException e) {
                FAILURE.set(e);
                request.response().setStatusCode(500).end();
            }
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
    }

    @AfterAll
    static void stopServer() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().join();
        camel.close();
    }

    private interface Reading {
        WebhookBodyReader.Body read() throws Exception;
    }

    /** maxBodySize and the body read timeout; the other limits too large to matter. */
    private static WebhookLimits limits(long maxBodySize, Duration timeout) {
        return new WebhookLimits(maxBodySize, timeout, Long.MAX_VALUE / 2, 100);
    }

    private static void onWorker(HttpServerRequest request, Reading reading) {
        vertx.<WebhookBodyReader.Body> executeBlocking(reading::read, false)
                .onComplete(result -> answer(request).accept(result.result(), result.cause()));
    }

    /** Off any Vert.x context, as a host's own thread pool would read it. */
    private static void onThread(HttpServerRequest request, Reading reading) {
        new Thread(() -> {
            try {
                WebhookBodyReader.Body body = reading.read();
                vertx.runOnContext(ignored -> answer(request).accept(body, null));
            } catch (Exception e) {
                vertx.runOnContext(ignored -> answer(request).accept(null, e));
            }
        }).start();
    }

    private static BiConsumer<WebhookBodyReader.Body, Throwable> answer(HttpServerRequest request) {
        return (body, failure) -> {
            if (failure != null) {
                FAILURE.set(failure);
                request.response().setStatusCode(500).end();
            } else if (body.refusal() == WebhookOutcome.BODY_TOO_LARGE) {
                request.response().setStatusCode(413).end();
            } else if (body.refusal() == WebhookOutcome.BODY_TIMEOUT) {
                request.response().setStatusCode(408).end();
            } else if (body.refusal() == WebhookOutcome.UNVERIFIED_BYTES_EXCEEDED) {
                request.response().setStatusCode(503).end();
            } else {
                request.response().end(Buffer.buffer(body.bytes()));
            }
        };
    }

    private static Message message(HttpServerRequest request) {
        Message message = new DefaultExchange(camel).getMessage();
        message.setBody(request);
        return message;
    }

    @Test
    void aBodyWithinTheLimitIsReadWhole() throws Exception {
        byte[] body = "{\"object\":\"whatsapp_business_account\"}".getBytes(StandardCharsets.UTF_8);
        for (String path : new String[] { "/worker", "/thread", "/collect", "/message" }) {
            HttpResponse<byte[]> answer = post(path, HttpRequest.BodyPublishers.ofByteArray(body));
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.body()).as(path).isEqualTo(body);
        }
    }

    @Test
    void aBodyOfExactlyTheLimitIsReadWholeAndOneByteMoreIsRefused() throws Exception {
        byte[] body = new byte[LIMIT];
        Arrays.fill(body, (byte) 'x');
        byte[] over = Arrays.copyOf(body, LIMIT + 1);
        for (String path : new String[] { "/worker", "/thread", "/collect", "/message" }) {
            HttpResponse<byte[]> answer = post(path, HttpRequest.BodyPublishers.ofByteArray(body));
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.body()).as(path).isEqualTo(body);
            assertThat(post(path, HttpRequest.BodyPublishers.ofByteArray(over)).statusCode()).as(path).isEqualTo(413);
        }
    }

    @Test
    void aRequestThatEndedBeforeItWasHandedOverHasAnEmptyBody() throws Exception {
        HttpResponse<byte[]> answer = post("/ended", HttpRequest.BodyPublishers.noBody());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void aChunkedBodyIsReadExactly() throws Exception {
        // no Content-Length: the body is collected in an array sized by the limit
        byte[] small = "{\"entry\":[]}".getBytes(StandardCharsets.UTF_8);
        for (String path : new String[] { "/worker", "/collect", "/message" }) {
            HttpResponse<byte[]> answer = post(path, chunked(small));
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.body()).as(path).isEqualTo(small);
        }
        // larger than the first array: it grows, up to the limit
        byte[] large = new byte[40_000];
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) ('a' + i % 26);
        }
        HttpResponse<byte[]> answer = post("/collect-large", chunked(large));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(large);
        assertThat(post("/collect-large", chunked(new byte[LARGE_LIMIT + 1])).statusCode()).isEqualTo(413);
    }

    @Test
    void aContentLengthFarOverTheLimitIsRefusedOnceTheBodyCrossesTheLimit() throws Exception {
        try (Socket socket = connect()) {
            // a length past what an int holds: nothing is allocated for it
            send(socket, "POST /collect HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + (Integer.MAX_VALUE + 65L)
                         + "\r\n\r\n");
            socket.getOutputStream().write(new byte[LIMIT + 1]);
            InputStream in = socket.getInputStream();
            assertThat(statusLine(in)).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
            // the rest does not come: the connection is closed, not kept open for it
            assertClosed(in);
        }
    }

    @Test
    void aChunkLargerThanTheBodyCollectedSoFarIsKeptWhole() throws Exception {
        // one chunk of the chunked encoding, sent at once: the server hands it over in pieces as large as it reads them
        byte[] body = new byte[60_000];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) ('a' + i % 26);
        }
        try (Socket socket = connect()) {
            send(socket, "POST /collect-large HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                         + Integer.toHexString(body.length) + "\r\n");
            socket.getOutputStream().write(body);
            send(socket, "\r\n0\r\n\r\n");
            InputStream in = socket.getInputStream();
            String head = response(in);
            assertThat(head).startsWith("HTTP/1.1 200 ").containsIgnoringCase("content-length: " + body.length);
            assertThat(in.readNBytes(body.length)).isEqualTo(body);
        }
    }

    @Test
    void aBodyNotCompleteInTimeIsAnswered408AndTheConnectionClosedAtOnce() throws Exception {
        for (String path : new String[] { "/collect", "/thread-short" }) {
            try (Socket socket = connect()) {
                long sent = System.nanoTime();
                send(socket, "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + LIMIT + "\r\n\r\nhalf");
                InputStream in = socket.getInputStream();
                assertThat(statusLine(in)).as(path).isEqualTo("HTTP/1.1 408 Request Timeout");
                // never before the timeout, wherever the body is read
                assertThat(Duration.ofNanos(System.nanoTime() - sent)).as(path).isGreaterThanOrEqualTo(SHORT_TIMEOUT);
                // the rest is not waited for (nor discarded for seconds): the connection is closed once answered
                socket.setSoTimeout(2_000);
                assertClosed(in);
            }
        }
    }

    @Test
    void connectionsThatDeclareTheLimitHoldOnlyTheBytesTheySent() throws Exception {
        int connections = 40;
        int sent = 100;
        HELD_REQUESTS.set(0);
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < connections; i++) {
                Socket socket = connect();
                sockets.add(socket);
                send(socket, "POST /held HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + LARGE_LIMIT + "\r\n\r\n");
            }
            await().until(() -> HELD_REQUESTS.get() == connections);
            assertThat(HELD.unverifiedBytes()).as("nothing held for a declared length").isZero();

            for (Socket socket : sockets) {
                send(socket, "x".repeat(sent));
            }
            await().until(() -> HELD.unverifiedBytes() >= (long) connections * sent);
            assertThat(HELD.unverifiedBytes()).as("held grows with what arrived, not with Content-Length")
                    .isLessThanOrEqualTo(2L * connections * sent);
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        // the connections failed mid-body: what they held is given back
        await().until(() -> HELD.unverifiedBytes() == 0);
    }

    @Test
    void aBodyPastTheBoundOfUnverifiedBytesIsAnswered503AndTheConnectionClosed() throws Exception {
        byte[] first = new byte[LARGE_LIMIT];
        Arrays.fill(first, (byte) 'a');
        int part = 40_000;
        try (Socket holding = connect()) {
            send(holding, "POST /budget HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + LARGE_LIMIT + "\r\n\r\n");
            holding.getOutputStream().write(first, 0, part);
            holding.getOutputStream().flush();
            await().until(() -> BUDGET.unverifiedBytes() >= part);

            try (Socket over = connect()) {
                send(over, "POST /budget HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 30000\r\n\r\n");
                over.getOutputStream().write(new byte[30_000]);
                over.getOutputStream().flush();
                InputStream in = over.getInputStream();
                assertThat(statusLine(in)).isEqualTo("HTTP/1.1 503 Service Unavailable");
                socketClosesAtOnce(over);
            }

            // the body that holds the bytes is received whole
            holding.getOutputStream().write(first, part, first.length - part);
            holding.getOutputStream().flush();
            InputStream in = holding.getInputStream();
            assertThat(response(in)).startsWith("HTTP/1.1 200 ");
            assertThat(in.readNBytes(first.length)).isEqualTo(first);
        }
        assertThat(BUDGET.unverifiedBytes()).isZero();
    }

    @Test
    void aConnectionClosedMidBodyFailsTheReading() throws Exception {
        for (String path : new String[] { "/collect", "/worker" }) {
            FAILURE.set(null);
            LAST.set(null);
            try (Socket socket = connect()) {
                send(socket, "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + LIMIT + "\r\n\r\nhalf");
                // closed once the reader took the first bytes
                await().until(() -> LAST.get() != null && LAST.get().bytesRead() == 4);
            }
            await().untilAsserted(() -> assertThat(FAILURE.get()).as(path).isNotNull());
        }
        assertThat(FAILURE.get()).isInstanceOf(IllegalStateException.class)
                .hasMessage("the connection failed while the body was read");
    }

    @Test
    void aReaderInterruptedWhileWaitingStopsAndStaysInterrupted() throws Exception {
        FAILURE.set(null);
        try (Socket socket = connect()) {
            send(socket, "POST /interrupted HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + LIMIT + "\r\n\r\n");
            InputStream in = socket.getInputStream();
            assertThat(statusLine(in)).isEqualTo("HTTP/1.1 500 Internal Server Error");
            // the reading was ended: the body is not waited for on the connection
            socket.setSoTimeout(2_000);
            assertClosed(in);
        }
        assertThat(FAILURE.get()).isInstanceOf(IllegalStateException.class)
                .hasMessage("interrupted while the body was read");
        assertThat(INTERRUPTED.get()).isTrue();
    }

    @Test
    void afterAnEarlyAnswerABodyOfUpToTheSwallowLimitIsDiscardedAndTheConnectionKept() throws Exception {
        try (Socket socket = connect()) {
            InputStream in = socket.getInputStream();
            send(socket, "POST /refuse HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + VertxRequestBody.SWALLOW_LIMIT
                         + "\r\n\r\n");
            assertThat(response(in)).startsWith("HTTP/1.1 413 ");
            socket.getOutputStream().write(new byte[(int) VertxRequestBody.SWALLOW_LIMIT]);
            socket.getOutputStream().flush();
            // the discarded body ended: the connection is not closed later either (past the time the rest may take)
            socket.setSoTimeout(6_000);
            assertThat(readOrTimeOut(in)).as("the connection stays open and silent").isEqualTo(-2);
            socket.setSoTimeout(30_000);
            send(socket, "POST /other HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n");
            assertThat(response(in)).startsWith("HTTP/1.1 200 ");
        }
    }

    @Test
    void afterAnEarlyAnswerABodyOverTheSwallowLimitClosesTheConnection() throws Exception {
        for (String path : new String[] { "/refuse", "/refuse-message" }) {
            try (Socket socket = connect()) {
                InputStream in = socket.getInputStream();
                send(socket, "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
                             + (VertxRequestBody.SWALLOW_LIMIT + 1) + "\r\n\r\n");
                assertThat(response(in)).as(path).startsWith("HTTP/1.1 413 ");
                try {
                    socket.getOutputStream().write(new byte[(int) VertxRequestBody.SWALLOW_LIMIT + 1]);
                    socket.getOutputStream().flush();
                } catch (IOException closedWhileWriting) {
                    // the server closed the connection before all was written
                }
                assertClosed(in);
            }
        }
    }

    private static void socketClosesAtOnce(Socket socket) throws IOException {
        socket.setSoTimeout(2_000);
        assertClosed(socket.getInputStream());
    }

    private static HttpResponse<byte[]> post(String path, HttpRequest.BodyPublisher body) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path))
                        .timeout(Duration.ofSeconds(15)).POST(body).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpRequest.BodyPublisher chunked(byte[] body) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.actualPort());
        socket.setSoTimeout(30_000);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String statusLine(InputStream in) throws IOException {
        return response(in).lines().findFirst().orElse("");
    }

    /** Reads one answer without a body (status line and headers). */
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

    /** The next byte, -1 at the end of the stream, -2 when nothing came in time. */
    private static int readOrTimeOut(InputStream in) throws IOException {
        try {
            return in.read();
        } catch (SocketTimeoutException e) {
            return -2;
        }
    }

    private static void assertClosed(InputStream in) throws IOException {
        try {
            assertThat(readOrTimeOut(in)).as("the connection is closed").isEqualTo(-1);
        } catch (SocketException reset) {
            // closed while data was unread: reset
        }
    }
}
