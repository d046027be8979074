package com.easycrm4u.camel.waapi.benchmarks.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.easycrm4u.camel.waapi.benchmarks.load.OneEventLoop;
import com.easycrm4u.camel.waapi.webhook.WebhookSignature;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * The load generator: posts signed deliveries, each with an event and a delivery id of its own, with a Vert.x client on
 * one event loop, and counts a request done when it was answered 200.
 */
final class WebhookLoad extends OneEventLoop implements AutoCloseable {

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(WebhookLoad::newMac);

    private final Vertx vertx;
    private final HttpClient client;
    private final RequestOptions options;
    private final URI stats;

    WebhookLoad(int port, String path) {
        this(Vertx.vertx(), port, path);
    }

    private WebhookLoad(Vertx vertx, int port, String path) {
        super(vertx);
        this.vertx = vertx;
        this.client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(512).setTcpNoDelay(true));
        this.stats = URI.create("http://127.0.0.1:" + port + Deliveries.STATS_PATH);
        this.options = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port).setURI(path)
                .setConnectTimeout(10_000).setIdleTimeout(30_000)
                .putHeader("Content-Type", "application/json").putHeader("X-WAAPI-Event", "messages");
    }

    @Override
    protected void send(Done done) {
        long n = SEQUENCE.incrementAndGet();
        byte[] body = Deliveries.body(n);
        String signature = WebhookSignature.PREFIX + HexFormat.of().formatHex(MAC.get().doFinal(body));
        client.request(options)
                .compose(request -> request.putHeader(WebhookSignature.HEADER, signature)
                        .putHeader("X-WAAPI-Delivery", "delivery-" + n).send(Buffer.buffer(body)))
                .compose(response -> response.body().map(answer -> response.statusCode() == 200
                        ? null : new IllegalStateException("HTTP " + response.statusCode() + ": " + answer)))
                .onComplete(result -> done.ended(result.failed() ? result.cause() : result.result()));
    }

    /** The server JVM's allocation so far, asked over a connection of its own. */
    @Override
    public long allocatedBytes() {
        try (InputStream in = stats.toURL().openStream()) {
            return Long.parseLong(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Deliveries.VERIFY_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }
}
