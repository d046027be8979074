package com.easycrm4u.camel.waapi.client;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.RequestOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Vert.x transport on its own: one transport serves whatever calls it is given, a base URL without a port goes to
 * its scheme's port, and a call on a closed client (the component is stopping) fails at once as never sent.
 */
class VertxTransportTest {

    private static Vertx vertx;
    private static WireMockServer api;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        api = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        api.start();
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"success\": true}")));
    }

    @AfterAll
    static void stop() {
        api.stop();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void eachCallGoesOutWithItsOwnMethodPathAndBody() {
        HttpClient http = vertx.createHttpClient();
        try {
            VertxTransport transport
                    = new VertxTransport(vertx, http, clientOptions("http://127.0.0.1:" + api.port() + "/api"));
            byte[] json = "{\"to\": \"917890000198\"}".getBytes(StandardCharsets.UTF_8);

            transport.send("GET", "/a", null).join();
            transport.send("DELETE", "/a", null).join();
            transport.send("DELETE", "/b", null).join();
            transport.send("DELETE", "/b", json).join();
            transport.send("DELETE", "/b", null).join();

            List<LoggedRequest> requests = api.findAll(anyRequestedFor(anyUrl()));
            assertThat(requests).extracting(r -> r.getMethod().value() + " " + r.getUrl() + " "
                                                 + r.containsHeader("Content-Type"))
                    .containsExactly("GET /api/a false", "DELETE /api/a false", "DELETE /api/b false",
                            "DELETE /api/b true", "DELETE /api/b false");
        } finally {
            http.close();
        }
    }

    @Test
    void aBaseUrlWithoutAPortGoesToTheSchemesPort() {
        List<RequestOptions> requested = new CopyOnWriteArrayList<>();
        HttpClient recording = (HttpClient) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { HttpClient.class }, (proxy, method, args) -> {
                    if (method.getName().equals("request") && args != null && args[0] instanceof RequestOptions o) {
                        requested.add(o);
                        return Future.failedFuture("not connected in this test");
                    }
                    throw new UnsupportedOperationException(method.getName());
                });

        new VertxTransport(vertx, recording, clientOptions("https://api.waapi.invalid/api")).send("GET", "/ping", null);
        new VertxTransport(vertx, recording, clientOptions("http://api.waapi.invalid/api")).send("GET", "/ping", null);

        assertThat(requested).extracting(o -> o.getHost() + ":" + o.getPort() + " ssl " + o.isSsl())
                .containsExactly("api.waapi.invalid:443 ssl true", "api.waapi.invalid:80 ssl false");
    }

    @Test
    void aCallOnAClosedClientWasNotSent() {
        HttpClient http = vertx.createHttpClient();
        http.close().toCompletionStage().toCompletableFuture().join();
        VertxTransport transport = new VertxTransport(vertx, http, clientOptions("http://127.0.0.1:" + api.port() + "/api"));

        CompletableFuture<ApiResponse> call = transport.send("GET", "/ping", null);

        assertThat(call).as("failed at once, not when the request timeout ends").isCompletedExceptionally();
        Throwable failure = call.handle((answer, thrown) -> thrown).join();
        assertThat(failure instanceof CompletionException ? failure.getCause() : failure)
                .isInstanceOf(NotSentException.class);
    }

    private static ClientOptions clientOptions(String baseUrl) {
        return new ClientOptions(
                baseUrl, "waapi_TEST_KEY", "secr_TEST_SECRET", Duration.ofSeconds(5), 0,
                Duration.ofSeconds(1), 1024);
    }
}
