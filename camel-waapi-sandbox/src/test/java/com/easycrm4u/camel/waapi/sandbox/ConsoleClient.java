package com.easycrm4u.camel.waapi.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The sandbox console's HTTP API as a browser calls it, on 127.0.0.1. */
final class ConsoleClient {

    static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, HttpResponse<String> response) {

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        String body() {
            return response.body();
        }

        JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final WaapiSandbox sandbox;

    ConsoleClient(WaapiSandbox sandbox) {
        this.sandbox = sandbox;
    }

    String origin() {
        return "http://127.0.0.1:" + sandbox.getPort();
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(origin() + path)).GET());
    }

    JsonNode state() {
        Answer answer = get("/console/api/state");
        if (answer.status() != 200) {
            throw new AssertionError("GET state answered " + answer.status() + ": " + answer.body());
        }
        return answer.json();
    }

    /** A POST as the console's page makes it: JSON, from its own origin. */
    Answer action(String action, String singleQuotedJson) {
        return post("/console/api/" + action, singleQuotedJson.replace('\'', '"'), "application/json", origin());
    }

    Answer post(String path, String body, String contentType, String origin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        return send(request);
    }

    HttpClient http() {
        return http;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
