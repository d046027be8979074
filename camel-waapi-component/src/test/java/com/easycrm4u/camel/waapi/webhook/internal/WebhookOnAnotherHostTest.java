package com.easycrm4u.camel.waapi.webhook.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.easycrm4u.camel.waapi.WaapiComponent;
import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.webhook.WebhookSignature;
import com.easycrm4u.camel.waapi.webhook.model.WebhookEnvelope;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.RestConsumerFactory;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * On an HTTP host that is not Vert.x (the body handed over as bytes, the processor called as an AsyncProcessor), every
 * request is answered once, and the host is told truthfully how: the value {@code process} returns and the one passed
 * to {@code done} agree, for a route that completes on the host's thread, for one that continues later on another
 * thread, and for the answers given without routing (those are always given before {@code process} returns).
 */
class WebhookOnAnotherHostTest {

    private static final String TOKEN = "another-host-token";
    private static final String SIGNED = "&webhookVerifyToken=RAW(" + TOKEN + ")&idempotentRepository=#repository";

    private final CamelContext context = new DefaultCamelContext();
    private final MemoryIdempotentRepository repository = new MemoryIdempotentRepository();
    /** The processor registered on the host, by path. */
    private final Map<String, AsyncProcessor> registered = new ConcurrentHashMap<>();
    private final Gate gate = new Gate();
    private final AtomicInteger rollbacks = new AtomicInteger();
    /** The event keys the single-step route took, in order. */
    private final List<String> routedAtOnce = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startHost() throws Exception {
        WaapiComponent waapi = new WaapiComponent();
        waapi.setWebhookComponentName("plain-http");
        context.addComponent("waapi", waapi);
        context.getRegistry().bind("repository", repository);
        context.getRegistry().bind("plain-http", (RestConsumerFactory) (
                camelContext, processor, verb, basePath, uriTemplate,
                consumes, produces, configuration, parameters) -> {
            registered.put(basePath, (AsyncProcessor) processor);
            return new DefaultConsumer(camelContext.getEndpoint("mock:http"), processor);
        });
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // one step each, so Camel completes the first at once and the second when the gate is opened
                from("waapi:webhook?path=/sync" + SIGNED).routeId("sync").process(exchange -> {
                    if (rollbacks.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        exchange.setRollbackOnly(true);
                    } else {
                        routedAtOnce.add(exchange.getMessage().getHeader(WaapiConstants.EVENT_KEY, String.class));
                    }
                });
                from("waapi:webhook?path=/async" + SIGNED).routeId("async").process(gate);
                from("waapi:webhook?path=/small&maxBodySize=64" + SIGNED).routeId("small").to("mock:small");
                from("waapi:webhook?path=/stall&bodyReadTimeout=300" + SIGNED).routeId("stall").to("mock:stall");
                from("waapi:webhook?path=/statuses&events=statuses" + SIGNED).routeId("statuses").to("mock:statuses");
                from("waapi:webhook?path=/envelope&split=false" + SIGNED).routeId("envelope").to("mock:envelope");
            }
        });
        context.start();
    }

    @AfterEach
    void stopHost() {
        context.stop();
    }

    @Test
    void aRouteThatCompletesOnTheHostsThreadIsAnsweredBeforeProcessReturns() {
        Request request = post(sync(), body("wamid.SYNC"));

        // Camel runs the route on this thread, and reports it as asynchronous (false) all the same
        assertThat(request.done).containsExactly(request.returned);
        assertThat(request.status()).isEqualTo(200);
        assertThat(request.exchange.getMessage().getBody(String.class)).isEqualTo("{\"ok\":true}");
        assertThat(routedAtOnce).containsExactly("message:wamid.SYNC");
        // the answer replaces the request: none of its headers is echoed back
        assertThat(request.exchange.getMessage().getHeaders()).containsOnlyKeys(Exchange.HTTP_RESPONSE_CODE,
                Exchange.CONTENT_TYPE);
        assertThat(request.exchange.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("application/json");
    }

    @Test
    void aRouteThatCompletesLaterIsAnsweredWhenItCompletes() {
        Request request = post(async(), body("wamid.LATER"));

        assertThat(request.returned).isFalse();
        assertThat(request.done).isEmpty();
        assertThat(gate.passed).isEmpty();

        gate.complete(null);

        assertThat(request.status()).isEqualTo(200);
        assertThat(request.done).containsExactly(false);
        assertThat(gate.passed).hasSize(1);
    }

    @Test
    void theEventsAfterOneThatCompletedLaterAreRoutedOnThatThread() {
        Request request = post(async(), twoMessages("wamid.FIRST", "wamid.SECOND"));
        assertThat(request.returned).isFalse();

        gate.complete(null);
        await().atMost(Duration.ofSeconds(10)).until(() -> !gate.waiting.isEmpty());
        assertThat(request.done).as("not answered while the second event is in the route").isEmpty();
        gate.complete(null);

        assertThat(request.status()).isEqualTo(200);
        assertThat(request.done).containsExactly(false);
        assertThat(gate.passed).containsExactly("message:wamid.FIRST", "message:wamid.SECOND");
    }

    @Test
    void aRouteThatFailsLaterIsAnswered500AndTheRetryIsRouted() {
        byte[] body = body("wamid.FAILS-LATER");
        Request failed = post(async(), body);
        gate.complete(new IllegalStateException("database down"));

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.done).containsExactly(false);
        assertThat(gate.passed).isEmpty();

        Request retry = post(async(), body);
        gate.complete(null);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.done).containsExactly(false);
        assertThat(gate.passed).hasSize(1);
    }

    @Test
    void aRouteThatMarksTheExchangeRollbackOnlyIsAnswered500AndTheRetryIsRouted() {
        rollbacks.set(1);
        byte[] body = body("wamid.ROLLED-BACK");

        Request rolledBack = post(sync(), body);
        assertThat(rolledBack.done).containsExactly(rolledBack.returned);
        assertThat(rolledBack.status()).isEqualTo(500);
        assertThat(routedAtOnce).isEmpty();

        Request retry = post(sync(), body);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(routedAtOnce).hasSize(1);
        assertThat(post(sync(), body).status()).as("routed once").isEqualTo(200);
        assertThat(routedAtOnce).hasSize(1);
    }

    @Test
    void aDuplicateIsAnsweredOnTheHostsThread() {
        byte[] body = body("wamid.TWICE");
        post(sync(), body);

        Request duplicate = post(sync(), body);

        assertThat(duplicate.returned).isTrue();
        assertThat(duplicate.done).containsExactly(true);
        assertThat(duplicate.status()).isEqualTo(200);
        assertThat(routedAtOnce).hasSize(1);
    }

    @Test
    void aDuplicateOfAnEventStillInTheRouteIsAnswered503OnTheHostsThread() {
        byte[] body = body("wamid.IN-FLIGHT");
        Request first = post(async(), body);

        Request duplicate = post(async(), body);
        assertThat(duplicate.returned).isTrue();
        assertThat(duplicate.done).containsExactly(true);
        assertThat(duplicate.status()).isEqualTo(503);
        assertThat(duplicate.exchange.getMessage().getHeader("Retry-After", Integer.class)).isPositive();

        gate.complete(null);
        assertThat(first.status()).isEqualTo(200);
    }

    @Test
    void aRefusedRequestIsAnsweredOnTheHostsThread() {
        byte[] body = body("wamid.FORGED");
        Request forged = post(sync(), body, WebhookSignature.sign(body, "not the token"));

        assertThat(forged.returned).isTrue();
        assertThat(forged.done).containsExactly(true);
        assertThat(forged.status()).isEqualTo(401);

        Request unsigned = post(sync(), body, null);
        assertThat(unsigned.returned).isTrue();
        assertThat(unsigned.done).containsExactly(true);
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(routedAtOnce).isEmpty();
    }

    @Test
    void aRepositoryThatFailsIsAnswered500OnTheHostsThread() throws Exception {
        byte[] body = body("wamid.NO-REPOSITORY");
        MemoryIdempotentRepository broken = new MemoryIdempotentRepository() {
            @Override
            public boolean contains(String key) {
                throw new IllegalStateException("repository down");
            }
        };
        context.getRegistry().bind("broken", broken);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("waapi:webhook?path=/broken&webhookVerifyToken=RAW(" + TOKEN + ")&idempotentRepository=#broken")
                        .to("mock:broken");
            }
        });

        Request request = post(registered.get("/broken"), body);

        assertThat(request.returned).isTrue();
        assertThat(request.done).containsExactly(true);
        assertThat(request.status()).isEqualTo(500);
        assertThat(mock("broken").getReceivedExchanges()).isEmpty();
    }

    @Test
    void aBodyTheHostFailsToReadIsAnswered500OnTheHostsThread() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };

        Request request = post(sync(), broken, null, WebhookSignature.sign(body("wamid.BROKEN"), TOKEN));

        assertThat(request.returned).isTrue();
        assertThat(request.done).containsExactly(true);
        assertThat(request.status()).isEqualTo(500);
        assertThat(routedAtOnce).isEmpty();
    }

    @Test
    void aBodyOverMaxBodySizeWithoutAContentLengthIsAnswered413OnTheHostsThread() {
        byte[] body = body("wamid.TOO-LARGE");

        Request request
                = post(registered.get("/small"), new ByteArrayInputStream(body), null, WebhookSignature.sign(body, TOKEN));

        assertThat(request.returned).isTrue();
        assertThat(request.done).containsExactly(true);
        assertThat(request.status()).isEqualTo(413);
        assertThat(mock("small").getReceivedExchanges()).isEmpty();
    }

    /**
     * A host that hands over the body as the stream of its connection: a body that stops arriving is cut off at the
     * body read timeout, answered 408 and its connection closed, however long the host itself would wait.
     */
    @Test
    void aStreamThatStopsArrivingIsAnswered408AndItsConnectionClosed() throws Exception {
        byte[] body = body("wamid.STALLED");
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket sender = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket received = server.accept()) {
            sender.getOutputStream().write(body, 0, 10);
            sender.getOutputStream().flush();

            InputStream stream = received.getInputStream();
            CompletableFuture<Request> reading = CompletableFuture.supplyAsync(() -> post(registered.get("/stall"), stream,
                    String.valueOf(body.length), WebhookSignature.sign(body, TOKEN)));

            Request request = reading.get(5, TimeUnit.SECONDS);
            assertThat(request.returned).isTrue();
            assertThat(request.status()).isEqualTo(408);
            sender.setSoTimeout(2_000);
            assertThat(sender.getInputStream().read()).as("the connection is closed").isEqualTo(-1);
        }
        assertThat(mock("stall").getReceivedExchanges()).isEmpty();
    }

    @Test
    void withSplitFalseTheTypedEnvelopeIsRoutedOnce() {
        byte[] body = twoMessages("wamid.ONE", "wamid.TWO");

        Request request = post(registered.get("/envelope"), body);

        assertThat(request.status()).isEqualTo(200);
        assertThat(mock("envelope").getReceivedExchanges()).singleElement().satisfies(exchange -> {
            WebhookEnvelope envelope = exchange.getMessage().getBody(WebhookEnvelope.class);
            assertThat(envelope.getEntry()).singleElement().satisfies(entry -> assertThat(entry.getId()).isEqualTo("1"));
            assertThat(exchange.getMessage().getHeader(WaapiConstants.EVENT_KEY, String.class))
                    .matches("delivery:[0-9a-f]{64}");
        });
        assertThat(post(registered.get("/envelope"), body).status()).isEqualTo(200);
        assertThat(mock("envelope").getReceivedExchanges()).hasSize(1);
    }

    @Test
    void aFilteredEventAndABodyThatIsNotJsonAreAnsweredOnTheHostsThread() {
        Request filtered = post(registered.get("/statuses"), body("wamid.FILTERED"));
        assertThat(filtered.returned).isTrue();
        assertThat(filtered.done).containsExactly(true);
        assertThat(filtered.status()).isEqualTo(200);
        assertThat(mock("statuses").getReceivedExchanges()).isEmpty();

        byte[] notJson = "event=test".getBytes(StandardCharsets.UTF_8);
        Request refused = post(sync(), notJson);
        assertThat(refused.returned).isTrue();
        assertThat(refused.done).containsExactly(true);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(routedAtOnce).isEmpty();
    }

    /**
     * A Vert.x host that hands over the paused request (platform-http with its body handler off, on an engine whose
     * router the consumer cannot reach): a request refused from its headers alone has the rest of a small body
     * discarded once it is answered, so the sender's next request on the same connection is served; a sender that goes
     * on sending a large one has its connection closed rather than read to the end.
     */
    @Test
    void onAVertxHostARequestRefusedFromItsHeadersHasItsBodyDiscardedWithinABound() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            HttpServer server = vertx.createHttpServer().requestHandler(request -> {
                request.pause();
                Exchange http = new DefaultExchange(context);
                request.headers().forEach(header -> http.getMessage().setHeader(header.getKey(), header.getValue()));
                http.getMessage().setBody(request);
                vertx.executeBlocking(() -> sync().process(http, doneSync -> request.response()
                        .setStatusCode(http.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class))
                        .end(http.getMessage().getBody(String.class))), false);
            }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();

            byte[] body = body("wamid.KEPT-ALIVE");
            try (Socket socket = new Socket("127.0.0.1", server.actualPort())) {
                socket.setSoTimeout(20_000);
                assertThat(exchange(socket, body, null)).startsWith("HTTP/1.1 401");
                assertThat(exchange(socket, body, WebhookSignature.sign(body, TOKEN))).startsWith("HTTP/1.1 200");
            }
            assertThat(routedAtOnce).containsExactly("message:wamid.KEPT-ALIVE");

            long large = 64L * 1024 * 1024;
            try (Socket socket = new Socket("127.0.0.1", server.actualPort())) {
                socket.setSoTimeout(20_000);
                String head = "POST /sync HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                              + large + "\r\n\r\n";
                socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                // refused from its Content-Length
                assertThat(readLine(socket.getInputStream())).startsWith("HTTP/1.1 413");
                byte[] chunk = new byte[64 * 1024];
                CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                    try {
                        for (long sent = 0; sent < large; sent += chunk.length) {
                            socket.getOutputStream().write(chunk);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                assertThatThrownBy(() -> sending.get(30, TimeUnit.SECONDS)).as("the connection closed long before 64 MB")
                        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(UncheckedIOException.class);
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    /** Writes one request on the connection and reads its answer: the status line (and the rest of the answer). */
    private static String exchange(Socket socket, byte[] body, String signature) throws IOException {
        String head = "POST /sync HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                      + body.length + "\r\nX-WAAPI-Event: messages\r\n"
                      + (signature != null ? WebhookSignature.HEADER + ": " + signature + "\r\n" : "") + "\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        InputStream in = socket.getInputStream();
        String status = readLine(in);
        int length = 0;
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        in.readNBytes(length);
        return status;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the connection was closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private AsyncProcessor sync() {
        return registered.get("/sync");
    }

    private AsyncProcessor async() {
        return registered.get("/async");
    }

    private MockEndpoint mock(String name) {
        return context.getEndpoint("mock:" + name, MockEndpoint.class);
    }

    private static byte[] body(String messageId) {
        return twoMessages(messageId, null);
    }

    /** A delivery with one inbound text message, or two. */
    private static byte[] twoMessages(String first, String second) {
        String message = "{\"from\":\"917890000198\",\"id\":\"%s\",\"timestamp\":\"1718000000\",\"type\":\"text\","
                         + "\"text\":{\"body\":\"Hi\"}}";
        String messages = message.formatted(first) + (second == null ? "" : "," + message.formatted(second));
        return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\","
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"messages\":[" + messages + "]}}]}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private Request post(AsyncProcessor processor, byte[] body) {
        return post(processor, body, WebhookSignature.sign(body, TOKEN));
    }

    /** Hands a request to the processor as a host that is not Vert.x does: the body as bytes, the headers as read. */
    private Request post(AsyncProcessor processor, byte[] body, String signature) {
        return post(processor, body, String.valueOf(body.length), signature);
    }

    /** As a host hands a request over: the body as it has it, the Content-Length (null when chunked) and headers. */
    private Request post(AsyncProcessor processor, Object body, String contentLength, String signature) {
        Exchange http = new DefaultExchange(context);
        http.getMessage().setBody(body);
        http.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        if (contentLength != null) {
            http.getMessage().setHeader(Exchange.CONTENT_LENGTH, contentLength);
        }
        http.getMessage().setHeader("X-WAAPI-Event", "messages");
        if (signature != null) {
            http.getMessage().setHeader(WebhookSignature.HEADER, signature);
        }
        Request request = new Request(http);
        request.returned = processor.process(http, request.done::add);
        return request;
    }

    /** A request as the host sees it: what process returned, and each call of its callback. */
    private static final class Request {

        private final Exchange exchange;
        private final List<Boolean> done = new CopyOnWriteArrayList<>();
        private volatile boolean returned;

        Request(Exchange exchange) {
            this.exchange = exchange;
        }

        /** The status answered; waits for the answer of a route that completed on another thread. */
        int status() {
            await().atMost(Duration.ofSeconds(10)).until(() -> !done.isEmpty());
            assertThat(done).as("answered once").hasSize(1);
            return exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        }
    }

    /** A step of the route that completes only when the test says so, as a call to another system would. */
    private static final class Gate extends AsyncProcessorSupport {

        private record Waiting(Exchange exchange, AsyncCallback callback) {
        }

        private final BlockingQueue<Waiting> waiting = new LinkedBlockingQueue<>();
        /** The event keys of the exchanges completed successfully, in order. */
        private final List<String> passed = new CopyOnWriteArrayList<>();

        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            waiting.add(new Waiting(exchange, callback));
            return false;
        }

        /** Completes the oldest waiting exchange (waiting for it to arrive), with the failure or successfully. */
        void complete(Exception failure) {
            Waiting next;
            try {
                next = waiting.poll(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            assertThat(next).as("an exchange waiting in the route").isNotNull();
            if (failure != null) {
                next.exchange().setException(failure);
            } else {
                passed.add(next.exchange().getMessage().getHeader(WaapiConstants.EVENT_KEY, String.class));
            }
            next.callback().done(false);
        }
    }
}
