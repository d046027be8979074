package com.easycrm4u.camel.waapi.client;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import com.easycrm4u.camel.waapi.WaapiException;
import com.easycrm4u.camel.waapi.internal.WaapiFailures;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Non-blocking calls to the WAAPI External API with one set of credentials. A 429 answer is sent again after the
 * Retry-After the API asked for (bounded by {@code maxRetryAfter}, at most {@code rateLimitRetries} times); nothing
 * else is re-sent, because a send is not idempotent. Answers are read up to {@code maxResponseSize} bytes.
 */
public class WaapiClient {

    private static final Logger LOG = LoggerFactory.getLogger(WaapiClient.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

    private final WaapiTransport transport;
    private final Executor callbacks;
    private final ObjectMapper mapper;
    private final ClientOptions options;
    private final String authority;
    private final Runnable onRateLimitRetry;
    /** Warned once, not on every 429. */
    private volatile boolean countingFailed;

    /**
     * @param transport        moves the calls and reads the answers
     * @param callbacks        runs the completion of every call, and with it the rest of the route. Not left to the
     *                         transport, whose threads should only move bytes: a slow route would hold up the answers
     *                         of other calls.
     * @param onRateLimitRetry told each time a 429 is sent again; counts, so a failure of it is warned of once and
     *                         changes nothing else
     */
    public WaapiClient(WaapiTransport transport, Executor callbacks, ObjectMapper mapper, ClientOptions options,
                       Runnable onRateLimitRetry) {
        this.transport = transport;
        this.callbacks = task -> {
            try {
                callbacks.execute(task);
            } catch (RejectedExecutionException e) {
                // the pool is shutting down: complete here rather than leave the exchange hanging
                task.run();
            }
        };
        this.mapper = mapper;
        this.options = options;
        this.authority = URI.create(ClientOptions.withoutTrailingSlash(options.baseUrl())).getAuthority();
        this.onRateLimitRetry = onRateLimitRetry;
    }

    /**
     * Calls the API. The future completes with the body of a 2xx answer (JSON, or empty) that does not say
     * {@code "success": false}, or exceptionally with a {@link WaapiException} (never anything else).
     *
     * @param method HTTP method
     * @param path   path below the base URL, e.g. {@code /whatsapp-api/messages/text}
     * @param body   the request model, serialized as JSON; null for none
     */
    public CompletableFuture<byte[]> call(String method, String path, Object body) {
        String call = method + " " + path;
        byte[] payload;
        try {
            payload = body == null ? null : mapper.writeValueAsBytes(body);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(WaapiFailures.requestNotSerializable(call, e));
        }
        return attempt(method, path, payload, call, 0);
    }

    private CompletableFuture<byte[]> attempt(String method, String path, byte[] payload, String call, int retriesDone) {
        long started = System.nanoTime();
        CompletableFuture<ApiResponse> sent;
        try {
            sent = transport.send(method, path, payload);
        } catch (RuntimeException e) {
            // what a library throws while building a request may quote a header value: it is named, never passed on
            return CompletableFuture.failedFuture(WaapiFailures.requestNotBuilt(call, e));
        }
        return sent.handleAsync((answer, failure) -> {
            if (failure != null) {
                return CompletableFuture.<byte[]> failedFuture(
                        WaapiFailures.transportFailure(call, failure, authority, options.requestTimeout()));
            }
            int status = answer.status();
            if (LOG.isDebugEnabled()) {
                LOG.debug("WAAPI {} answered {} in {} ms", call, status,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            }
            if (status == 429 && !answer.overCap()) {
                return rateLimited(method, path, payload, call, retriesDone, answer);
            }
            if (status >= 200 && status < 300 && !answer.overCap()) {
                return readSuccess(call, answer);
            }
            if (status >= 200 && status < 300) {
                return CompletableFuture.<byte[]> failedFuture(
                        WaapiFailures.unreadableAnswer(call, status, "with a body", answer.text(), true));
            }
            return CompletableFuture.<byte[]> failedFuture(WaapiFailures.answered(call, status,
                    answer.overCap() ? null : apiMessage(answer.body()), answer.text(), answer.overCap(), null,
                    isApiError(mapper, answer.body())));
        }, callbacks).thenCompose(f -> f);
    }

    private CompletableFuture<byte[]> rateLimited(
            String method, String path, byte[] payload, String call, int retriesDone, ApiResponse answer) {
        Duration asked = parseRetryAfter(answer.retryAfter());
        if (retriesDone >= options.rateLimitRetries() || (asked != null && asked.compareTo(options.maxRetryAfter()) > 0)) {
            return CompletableFuture.failedFuture(
                    WaapiFailures.answered(call, 429, apiMessage(answer.body()), answer.text(), false, asked,
                            isApiError(mapper, answer.body())));
        }
        Duration wait = asked != null ? asked : backoff(retriesDone, options.maxRetryAfter());
        LOG.debug("WAAPI {} rate limited; retry {} of {} in {} ms", call, retriesDone + 1, options.rateLimitRetries(),
                wait.toMillis());
        countRateLimitRetry();
        return CompletableFuture.runAsync(() -> {
        }, CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS, callbacks))
                .thenCompose(ignored -> attempt(method, path, payload, call, retriesDone + 1));
    }

    /**
     * Counting is best effort: a meter registry that fails (a meter filter that throws, say) must not fail the call
     * with its own exception.
     */
    private void countRateLimitRetry() {
        try {
            onRateLimitRetry.run();
        } catch (RuntimeException e) {
            if (!countingFailed) {
                countingFailed = true;
                LOG.warn("WAAPI could not count a rate-limited call sent again ({}); calls are sent and retried all the"
                         + " same; check the meter registry's meter filters",
                        e.getClass().getName());
            }
        }
    }

    /**
     * The wait before retry {@code retriesDone + 1} of a 429 that named none: 1 s, doubled each time, at most
     * {@code max}.
     */
    static Duration backoff(int retriesDone, Duration max) {
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(retriesDone, 16));
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /**
     * The body of a 2xx answer, once checked to be JSON (or empty) that does not say {@code "success": false}: read as
     * a stream, without building a tree, because the operation reads its result from the bytes.
     */
    private CompletableFuture<byte[]> readSuccess(String call, ApiResponse answer) {
        byte[] body = answer.body();
        Boolean success;
        try {
            success = successOf(mapper, body);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(
                    WaapiFailures.unreadableAnswer(call, answer.status(), "with a body that is not JSON", answer.text(),
                            false));
        }
        if (Boolean.FALSE.equals(success)) {
            return CompletableFuture.failedFuture(
                    WaapiFailures.answered(call, answer.status(), apiMessage(body), answer.text(), false, null, true));
        }
        return CompletableFuture.completedFuture(body);
    }

    /**
     * The top-level {@code success} of an answer body when it is a boolean, else null (also for an empty body); read as
     * a stream, without building a tree. Fails when the body is not JSON.
     */
    public static Boolean successOf(ObjectMapper mapper, byte[] body) throws IOException {
        Boolean success = null;
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    boolean isSuccess = "success".equals(parser.currentName());
                    JsonToken value = parser.nextToken();
                    if (isSuccess && value.isBoolean()) {
                        success = value == JsonToken.VALUE_TRUE;
                    }
                    parser.skipChildren();
                }
            } else if (token != null) {
                parser.skipChildren();
            }
            // like readTree, nothing after the first value is looked at
        }
        return success;
    }

    /**
     * Whether an error answer is in the API's own shape, a JSON object whose top-level {@code success} is
     * {@code false}: what a proxy, CDN or load balancer in front of the API answers is not. Read as a stream, so that
     * the start of an answer cut at {@code maxResponseSize} tells it too.
     */
    static boolean isApiError(ObjectMapper mapper, byte[] body) {
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean isSuccess = "success".equals(parser.currentName());
                JsonToken value = parser.nextToken();
                if (isSuccess) {
                    return value == JsonToken.VALUE_FALSE;
                }
                parser.skipChildren();
            }
            return false;
        } catch (IOException notJsonOrCutShort) {
            return false;
        }
    }

    /** The API's explanation in an error answer: its {@code error}, else its {@code message}; null when absent. */
    private String apiMessage(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return apiMessage(mapper.readTree(body));
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String apiMessage(JsonNode answer) {
        // never null: readTree gives a missing node for a body of whitespace only
        for (String field : new String[] { "error", "message" }) {
            JsonNode value = answer.get(field);
            if (value != null && value.isTextual()) {
                return value.asText();
            }
            if (value != null && value.isObject() && value.hasNonNull("message")) {
                return value.get("message").asText();
            }
        }
        return null;
    }

    /** Retry-After as delta-seconds or as an HTTP date; null when absent or unreadable. */
    static Duration parseRetryAfter(String value) {
        return parseRetryAfter(value, ZonedDateTime.now());
    }

    /** Retry-After as delta-seconds or as an HTTP date, which is counted from {@code now}. */
    static Duration parseRetryAfter(String value, ZonedDateTime now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }
}
