package com.easycrm4u.camel.waapi.benchmarks.producer;

import com.easycrm4u.camel.waapi.benchmarks.load.OneEventLoop;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * The baseline a user would write with Vert.x's {@code HttpClient}, as a verticle would: every request started and
 * every answer read on one event loop, the same JSON and headers, a connection per request in flight (up to 256), the
 * answer parsed for its message id.
 */
final class VertxLoop extends OneEventLoop implements AutoCloseable {

    private final ObjectMapper mapper = new ObjectMapper();
    private final Vertx vertx;
    private final HttpClient client;
    private final RequestOptions options;

    VertxLoop(int port) {
        this(Vertx.vertx(), port);
    }

    private VertxLoop(Vertx vertx, int port) {
        super(vertx);
        this.vertx = vertx;
        this.client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(256).setTcpNoDelay(true)
                .setConnectTimeout(10_000));
        this.options = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
                .setURI(TextSend.PATH).setFollowRedirects(false).setIdleTimeout(30_000).setConnectTimeout(10_000)
                .putHeader("Accept", "application/json").putHeader("Content-Type", "application/json")
                .putHeader("X-API-Key", TextSend.API_KEY).putHeader("X-API-Secret", TextSend.API_SECRET);
    }

    @Override
    protected void send(Done done) {
        byte[] json = TextSend.json(mapper);
        client.request(options)
                .compose(request -> request.send(Buffer.buffer(json)))
                .compose(response -> response.body().map(body -> Answers.check(mapper, response.statusCode(), body.getBytes())))
                .onComplete(result -> done.ended(result.failed() ? result.cause() : result.result()));
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }
}
