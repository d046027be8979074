package com.easycrm4u.camel.waapi.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paused Vert.x request read by a worker thread within the limit: what a host that hands the unread request to a
 * worker (platform-http with its body handler off, on an engine whose router the consumer cannot reach) relies on.
 */
class VertxRequestBodyTest {

    private static final int LIMIT = 64;

    private static Vertx vertx;
    private static HttpServer server;
    private static final AtomicReference<WebhookBodyReader.Body> READ = new AtomicReference<>();

    @BeforeAll
    static void startServer() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> {
            request.pause();
            vertx.<WebhookBodyReader.Body> executeBlocking(() -> VertxRequestBody.read(request, LIMIT, Duration.ofSeconds(10)),
                    false).onComplete(result -> {
                        READ.set(result.result());
                        request.response().setStatusCode(result.succeeded() && result.result().refusal() == null ? 200 : 413)
                                .end();
                    });
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
    }

    @AfterAll
    static void stopServer() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aBodyWithinTheLimitIsReadWhole() throws Exception {
        byte[] body = "{\"object\":\"whatsapp_business_account\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(post(body)).isEqualTo(200);
        assertThat(READ.get().bytes()).isEqualTo(body);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWithoutKeepingIt() throws Exception {
        assertThat(post(new byte[LIMIT + 1])).isEqualTo(413);
        assertThat(READ.get().refusal()).isEqualTo(WebhookOutcome.BODY_TOO_LARGE);
        assertThat(READ.get().bytes()).isNull();
    }

    private static int post(byte[] body) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + "/"))
                        .timeout(Duration.ofSeconds(15)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
