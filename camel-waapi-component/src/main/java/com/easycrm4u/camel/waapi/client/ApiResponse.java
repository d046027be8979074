package com.easycrm4u.camel.waapi.client;

import java.nio.charset.StandardCharsets;

/**
 * An HTTP response of the API as a transport read it: its status, its {@code Retry-After} and at most
 * {@code maxResponseSize} bytes of its body.
 *
 * @param overCap    whether the body was larger than the cap; then {@code body} holds only its start and the rest was
 *                   not read
 * @param retryAfter the {@code Retry-After} header as sent, or null
 */
public record ApiResponse(int status, byte[] body, boolean overCap, String retryAfter) {

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
