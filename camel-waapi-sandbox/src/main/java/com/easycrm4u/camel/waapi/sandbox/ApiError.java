package com.easycrm4u.camel.waapi.sandbox;

import java.util.Map;

/**
 * An error answer of the API: its status, the text of its {@code error} field (or of its {@code message} field for the
 * answers the reference documents that way: authentication, scope, service, rate limit) and its extra headers.
 */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;
    private final Map<String, String> headers;

    private ApiError(int status, String field, String text, Map<String, String> headers) {
        super(text, null, false, false);
        this.status = status;
        this.field = field;
        this.headers = headers;
    }

    /** An answer with an {@code error} field. */
    static ApiError error(int status, String text) {
        return new ApiError(status, "error", text, Map.of());
    }

    /** An answer with a {@code message} field. */
    static ApiError message(int status, String text) {
        return new ApiError(status, "message", text, Map.of());
    }

    static ApiError badRequest(String text) {
        return error(400, text);
    }

    /** 429 with {@code Retry-After} in seconds. */
    static ApiError rateLimited(String text, long retryAfterSeconds) {
        return new ApiError(429, "message", text, Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    /** 405 with the methods the path allows. */
    static ApiError methodNotAllowed(String text, String allow) {
        return new ApiError(405, "error", text, Map.of("Allow", allow));
    }

    int status() {
        return status;
    }

    String field() {
        return field;
    }

    Map<String, String> headers() {
        return headers;
    }
}
