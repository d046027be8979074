package com.easycrm4u.camel.waapi.sandbox;

import java.time.Instant;

/**
 * One request the sandbox received and how it answered: for asserting call counts, retries and injected faults.
 *
 * @param apiKeyName the name of the key that authenticated, or null
 * @param status     the HTTP status answered, or 0 when the connection was dropped
 */
public record ApiRequest(Instant at, String method, String path, String apiKeyName, int status) {
}
