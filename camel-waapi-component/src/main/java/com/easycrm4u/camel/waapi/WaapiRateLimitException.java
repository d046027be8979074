package com.easycrm4u.camel.waapi;

import java.time.Duration;

/**
 * HTTP 429: the key's quota is used up. Thrown once the component's own retries ({@code rateLimitRetries}) are spent;
 * always retryable, with the Retry-After the API asked for.
 */
public class WaapiRateLimitException extends WaapiException {

    public WaapiRateLimitException(String message, String apiMessage, String responseBody, Duration retryAfter) {
        super(message, null, 429, apiMessage, responseBody, true, retryAfter);
    }
}
