package com.easycrm4u.camel.waapi.client;

import java.time.Duration;

/**
 * What a {@link WaapiClient} sends with and how long it waits: the endpoint's options, checked when it started.
 *
 * @param baseUrl          absolute http or https URL of the API root
 * @param apiKey           sent as X-API-Key
 * @param apiSecret        sent as X-API-Secret; null for none
 * @param requestTimeout   bounds one attempt, from sending the request to the end of the answer
 * @param rateLimitRetries how often a 429 is sent again
 * @param maxRetryAfter    the longest wait before a 429 is sent again
 * @param maxResponseSize  the most bytes of an answer that are read
 */
public record ClientOptions(String baseUrl, String apiKey, String apiSecret, Duration requestTimeout, int rateLimitRetries,
        Duration maxRetryAfter, int maxResponseSize) {

    /** The options without the key and the secret, which are only said to be set or not. */
    @Override
    public String toString() {
        return "ClientOptions[baseUrl=" + baseUrl + ", apiKey=" + hidden(apiKey) + ", apiSecret=" + hidden(apiSecret)
               + ", requestTimeout=" + requestTimeout + ", rateLimitRetries=" + rateLimitRetries + ", maxRetryAfter="
               + maxRetryAfter + ", maxResponseSize=" + maxResponseSize + "]";
    }

    private static String hidden(String secret) {
        return secret == null ? "none" : "(set)";
    }

    /** The URL without a slash at its end, so a path starting with one can follow. */
    static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
