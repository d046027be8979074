package com.easycrm4u.camel.waapi;

import java.time.Duration;
import java.util.Optional;

/**
 * HTTP 429: the key's quota is used up, so the request was not processed. Thrown once the component's own retries
 * ({@code rateLimitRetries}) are spent, or when the API asks for a wait longer than {@code maxRetryAfter}; always
 * retryable, with the Retry-After the API asked for.
 */
public class WaapiRateLimitException extends WaapiException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public WaapiRateLimitException(String message, String apiMessage, String responseBody, Duration retryAfter) {
        super(message, 429, apiMessage, responseBody);
        this.retryAfter = retryAfter;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }

    @Override
    public Optional<Duration> getRetryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
