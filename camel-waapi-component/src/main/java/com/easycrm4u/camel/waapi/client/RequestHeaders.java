package com.easycrm4u.camel.waapi.client;

import java.util.ArrayList;
import java.util.List;

/**
 * The headers every API call of an endpoint carries, built once from its options for whichever transport sends it, as
 * name and value pairs: {@code Accept}, the credentials that are set, and {@code Content-Type} on a call with a body.
 */
final class RequestHeaders {

    private final String[] withoutBody;
    private final String[] withBody;

    RequestHeaders(ClientOptions options) {
        List<String> pairs = new ArrayList<>(List.of("Accept", "application/json"));
        if (options.apiKey() != null) {
            pairs.addAll(List.of("X-API-Key", options.apiKey()));
        }
        if (options.apiSecret() != null) {
            pairs.addAll(List.of("X-API-Secret", options.apiSecret()));
        }
        this.withoutBody = pairs.toArray(String[]::new);
        pairs.addAll(List.of("Content-Type", "application/json"));
        this.withBody = pairs.toArray(String[]::new);
    }

    /** Names at even indexes, each followed by its value; a copy the caller may keep. */
    String[] pairs(boolean body) {
        return (body ? withBody : withoutBody).clone();
    }
}
