package com.easycrm4u.camel.waapi.sandbox;

/**
 * An error answer of the API: its status and the text of its {@code error} field, or of its {@code message} field for
 * the answers the reference documents that way (authentication, scope, service, rate limit).
 */
final class ApiError extends RuntimeException {

    private final int status;
    private final String field;
    private final Long retryAfterSeconds;

    private ApiError(int status, String field, String text, Long retryAfterSeconds) {
        super(text, null, false, false);
        this.status = status;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** An answer with an {@code error} field. */
    static ApiError error(int status, String text) {
        return new ApiError(status, "error", text, null);
    }

    /** An answer with a {@code message} field. */
    static ApiError message(int status, String text) {
        return new ApiError(status, "message", text, null);
    }

    static ApiError badRequest(String text) {
        return error(400, text);
    }

    static ApiError rateLimited(String text, long retryAfterSeconds) {
        return new ApiError(429, "message", text, retryAfterSeconds);
    }

    int status() {
        return status;
    }

    String field() {
        return field;
    }

    Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
