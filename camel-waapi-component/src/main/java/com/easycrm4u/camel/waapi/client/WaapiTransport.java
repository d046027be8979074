package com.easycrm4u.camel.waapi.client;

import java.util.concurrent.CompletableFuture;

import com.easycrm4u.camel.waapi.internal.WaapiFailures;

/**
 * Moves one call of a {@link WaapiClient} to the API and reads its answer: the only part that differs between HTTP
 * libraries. A transport is made for one endpoint's base URL, credentials and limits ({@link ClientOptions}) over a
 * client shared by many endpoints.
 * <p>
 * What a failure means is not decided here but in {@link com.easycrm4u.camel.waapi.internal.WaapiFailures}: a transport
 * completes exceptionally with what the library reported, wrapped in a {@link NotSentException} when it knows the
 * request never left (no connection could be had).
 */
public interface WaapiTransport {

    /**
     * Sends one request and reads its answer, within {@code requestTimeout} as a whole and up to
     * {@code maxResponseSize} bytes. Never blocks; the future may complete on a thread of the HTTP library.
     *
     * @param method HTTP method
     * @param path   path below the base URL, e.g. {@code /whatsapp-api/messages/text}
     * @param body   the JSON body; null for none
     */
    CompletableFuture<ApiResponse> send(String method, String path, byte[] body);
}
