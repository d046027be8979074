package com.easycrm4u.camel.waapi.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.easycrm4u.camel.waapi.WaapiConnectionException;
import com.easycrm4u.camel.waapi.WaapiException;
import com.easycrm4u.camel.waapi.WaapiRateLimitException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Non-blocking calls to the WAAPI External API with one set of credentials. A 429 answer is sent again after the
 * Retry-After the API asked for (bounded by {@code maxRetryAfter}, at most {@code rateLimitRetries} times); nothing
 * else is re-sent, because a send is not idempotent.
 */
public class WaapiClient {

    private static final Logger LOG = LoggerFactory.getLogger(WaapiClient.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

    private final HttpClient http;
    private final Executor callbacks;
    private final ObjectMapper mapper;
    private final String baseUrl;
    private final String apiKey;
    private final String apiSecret;
    private final Duration requestTimeout;
    private final int rateLimitRetries;
    private final Duration maxRetryAfter;

    /**
     * @param callbacks runs the completion of every call, and with it the rest of the route. Not left to
     *                  {@code java.net.http}, which completes on CompletableFuture's default pool: the shared
     *                  ForkJoinPool, or on a machine with two cores or fewer a new thread per response.
     */
    public WaapiClient(HttpClient http, Executor callbacks, ObjectMapper mapper, String baseUrl, String apiKey,
                       String apiSecret, Duration requestTimeout, int rateLimitRetries, Duration maxRetryAfter) {
        this.http = http;
        this.callbacks = task -> {
            try {
                callbacks.execute(task);
            } catch (RejectedExecutionException e) {
                // the pool is shutting down: complete here rather than leave the exchange hanging
                task.run();
            }
        };
        this.mapper = mapper;
        this.baseUrl = checkedBaseUrl(baseUrl);
        this.apiKey = apiKey;
        this.apiSecret = apiSecret;
        this.requestTimeout = requestTimeout;
        this.rateLimitRetries = Math.max(0, rateLimitRetries);
        this.maxRetryAfter = maxRetryAfter;
    }

    /** The base URL without a trailing slash; fails unless it is an absolute http or https URL. */
    private static String checkedBaseUrl(String baseUrl) {
        URI root;
        try {
            root = baseUrl == null ? null : new URI(baseUrl);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("baseUrl is not a URL: " + e.getMessage(), e);
        }
        if (root == null || root.getHost() == null
            || !("http".equalsIgnoreCase(root.getScheme()) || "https".equalsIgnoreCase(root.getScheme()))) {
            throw new IllegalArgumentException("baseUrl must be an http or https URL with a host, not '" + baseUrl + "'");
        }
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * Calls the API. The future completes with the parsed answer of a 2xx, or exceptionally with a
     * {@link WaapiException} (never anything else).
     *
     * @param method HTTP method
     * @param path   path below the base URL, e.g. {@code /whatsapp-api/messages/text}
     * @param body   the request model, serialized as JSON; null for none
     */
    public CompletableFuture<JsonNode> call(String method, String path, Object body) {
        byte[] payload;
        try {
            payload = body == null ? null : mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(
                    new WaapiException("Cannot serialize the " + method + " " + path + " request", e, 0, null, null, false,
                            null));
        }
        HttpRequest request = buildRequest(method, path, payload);
        return attempt(request, method + " " + path, 0);
    }

    private HttpRequest buildRequest(String method, String path, byte[] payload) {
        URI uri = URI.create(baseUrl + path);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Accept", "application/json");
        if (apiKey != null) {
            builder.header("X-API-Key", apiKey);
        }
        if (apiSecret != null) {
            builder.header("X-API-Secret", apiSecret);
        }
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            // no h2c upgrade dance on plain HTTP: HTTP/2 is negotiated over TLS only
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        if (payload != null) {
            builder.header("Content-Type", "application/json");
            builder.method(method, HttpRequest.BodyPublishers.ofByteArray(payload));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private CompletableFuture<JsonNode> attempt(HttpRequest request, String call, int retriesDone) {
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> sent;
        try {
            sent = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(connectionFailure(call, e));
        }
        // the request timeout of java.net.http ends with the response headers; this bounds the whole call
        CompletableFuture<HttpResponse<byte[]>> bounded = sent.copy()
                .orTimeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((r, e) -> {
                    if (e != null) {
                        sent.cancel(true);
                    }
                });
        return bounded.handleAsync((response, failure) -> {
            if (failure != null) {
                return CompletableFuture.<JsonNode> failedFuture(connectionFailure(call, failure));
            }
            int status = response.statusCode();
            LOG.debug("WAAPI {} answered {} in {} ms", call, status,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            if (status >= 200 && status < 300) {
                return readSuccess(call, status, response.body());
            }
            String body = new String(response.body(), StandardCharsets.UTF_8);
            if (status == 429) {
                return rateLimited(request, call, retriesDone, response, body);
            }
            return CompletableFuture.<JsonNode> failedFuture(WaapiException.fromResponse(call, status, body, null));
        }, callbacks).thenCompose(f -> f);
    }

    private CompletableFuture<JsonNode> rateLimited(
            HttpRequest request, String call, int retriesDone, HttpResponse<byte[]> response, String body) {
        Duration asked = parseRetryAfter(response.headers().firstValue("Retry-After").orElse(null));
        if (retriesDone >= rateLimitRetries || (asked != null && asked.compareTo(maxRetryAfter) > 0)) {
            WaapiException e = WaapiException.fromResponse(call, 429, body, asked);
            return CompletableFuture.failedFuture(e);
        }
        Duration wait = asked != null ? asked : backoff(retriesDone);
        LOG.debug("WAAPI {} rate limited; retry {} of {} in {} ms", call, retriesDone + 1, rateLimitRetries,
                wait.toMillis());
        return CompletableFuture.runAsync(() -> {
        }, CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS, callbacks))
                .thenCompose(ignored -> attempt(request, call, retriesDone + 1));
    }

    private Duration backoff(int retriesDone) {
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(retriesDone, 16));
        return wait.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wait;
    }

    private CompletableFuture<JsonNode> readSuccess(String call, int status, byte[] body) {
        if (body.length == 0) {
            return CompletableFuture.completedFuture(mapper.nullNode());
        }
        try {
            JsonNode answer = mapper.readTree(body);
            JsonNode success = answer.get("success");
            if (success != null && success.isBoolean() && !success.booleanValue()) {
                return CompletableFuture.failedFuture(WaapiException.fromResponse(call, status,
                        new String(body, StandardCharsets.UTF_8), null));
            }
            return CompletableFuture.completedFuture(answer);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new WaapiException(
                    "WAAPI " + call + " answered HTTP " + status + " with a body that is not JSON", e, status, null,
                    new String(body, StandardCharsets.UTF_8), false, null));
        }
    }

    private WaapiException connectionFailure(String call, Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof WaapiException) {
            return (WaapiException) cause;
        }
        String what;
        if (cause instanceof HttpConnectTimeoutException) {
            what = "could not connect within the connect timeout";
        } else if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            what = "got no answer within " + requestTimeout.toMillis() + " ms";
        } else if (cause instanceof ConnectException) {
            what = "could not connect to " + URI.create(baseUrl).getAuthority();
        } else {
            what = "failed: " + cause.getClass().getSimpleName()
                   + (cause.getMessage() != null ? " " + cause.getMessage() : "");
        }
        return new WaapiConnectionException("WAAPI " + call + " " + what, cause);
    }

    /** Retry-After as delta-seconds or as an HTTP date; null when absent or unreadable. */
    static Duration parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }
}
