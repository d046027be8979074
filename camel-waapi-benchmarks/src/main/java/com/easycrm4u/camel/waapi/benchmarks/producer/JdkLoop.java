package com.easycrm4u.camel.waapi.benchmarks.producer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.easycrm4u.camel.waapi.benchmarks.load.Call;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The baseline a user would write with {@code java.net.http}: the same JSON and headers, HTTP/1.1, the client's own
 * executor, the answer parsed for its message id.
 */
final class JdkLoop implements Call, AutoCloseable {

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI uri;

    JdkLoop(int port) {
        this.uri = URI.create("http://127.0.0.1:" + port + TextSend.PATH);
    }

    @Override
    public void start(Done done) {
        byte[] json = TextSend.json(mapper);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .header("X-API-Key", TextSend.API_KEY).header("X-API-Secret", TextSend.API_SECRET)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
            done.ended(failure != null ? failure : Answers.check(mapper, response.statusCode(), response.body()));
        });
    }

    @Override
    public void close() {
        // java.net.http of Java 17 has no close; its threads end when it is unreachable
    }
}
