package com.easycrm4u.camel.waapi.benchmarks.producer;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import com.easycrm4u.camel.waapi.benchmarks.load.Arguments;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

/**
 * The WAAPI stand-in every producer path sends to: a Vert.x HTTP server on a loopback port, in a JVM of its own, that
 * reads each request and answers it like a successful send, optionally after a delay. Prints {@code PORT <n>}, serves
 * until its standard input closes. {@code GET /stats} tells how many it answered.
 * <p>
 * Arguments: {@code eventLoops=1 delayMillis=0}.
 */
public final class LoopbackSink {

    private static final byte[] SENT = ("{\"success\": true, \"data\": {\"messageId\": \"wamid.HBgMOTE3ODkwMDAwMTk4FQIAERgS\","
                                        + " \"status\": \"sent\", \"type\": \"text\"}}")
            .getBytes(StandardCharsets.UTF_8);

    private LoopbackSink() {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = Arguments.parse(args);
        int eventLoops = arguments.intValue("eventLoops", 1);
        long delayMillis = arguments.longValue("delayMillis", 0);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops));
        AtomicLong answered = new AtomicLong();
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)
                .setTcpNoDelay(true).setAcceptBacklog(20_000).setIdleTimeout(0));
        server.requestHandler(request -> handle(vertx, request, delayMillis, answered));
        // one server per event loop, all on the port of the first
        int port = server.listen().toCompletionStage().toCompletableFuture().get().actualPort();
        for (int i = 1; i < eventLoops; i++) {
            vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port).setTcpNoDelay(true)
                    .setAcceptBacklog(20_000)).requestHandler(request -> handle(vertx, request, delayMillis, answered))
                    .listen().toCompletionStage().toCompletableFuture().get();
        }
        System.out.println("PORT " + port);
        System.out.flush();
        while (System.in.read() >= 0) {
            // serve until the parent closes our input or ends
        }
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }

    private static void handle(Vertx vertx, HttpServerRequest request, long delayMillis, AtomicLong answered) {
        if (request.path().endsWith("/stats")) {
            request.response().putHeader("Content-Type", "application/json")
                    .end("{\"answered\": " + answered.get() + "}");
            return;
        }
        request.body().onSuccess(body -> {
            if (delayMillis > 0) {
                vertx.setTimer(delayMillis, timer -> answer(request, answered));
            } else {
                answer(request, answered);
            }
        });
    }

    private static void answer(HttpServerRequest request, AtomicLong answered) {
        answered.incrementAndGet();
        request.response().putHeader("Content-Type", "application/json").end(Buffer.buffer(SENT));
    }
}
