package com.easycrm4u.camel.waapi.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Raw HTTP calls to the sandbox, for asserting exact status codes, headers and bodies. */
final class RawApi {

    static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, HttpResponse<String> response, JsonNode json) {

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final WaapiSandbox sandbox;
    private String apiKey = WaapiSandbox.DEFAULT_API_KEY;
    private String apiSecret = WaapiSandbox.DEFAULT_API_SECRET;

    RawApi(WaapiSandbox sandbox) {
        this.sandbox = sandbox;
    }

    RawApi as(String apiKey, String apiSecret) {
        RawApi other = new RawApi(sandbox);
        other.apiKey = apiKey;
        other.apiSecret = apiSecret;
        return other;
    }

    Answer get(String path) {
        return call("GET", path, null);
    }

    Answer post(String path, String json) {
        return call("POST", path, json);
    }

    Answer patch(String path, String json) {
        return call("PATCH", path, json);
    }

    Answer call(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.getBaseUrl() + path))
                .timeout(Duration.ofSeconds(10));
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        if (apiSecret != null) {
            request.header("X-API-Secret", apiSecret);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response, JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A JSON document from single-quoted text, to keep the examples readable. */
    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
