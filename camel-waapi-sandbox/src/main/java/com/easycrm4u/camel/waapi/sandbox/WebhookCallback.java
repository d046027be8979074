package com.easycrm4u.camel.waapi.sandbox;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where the sandbox delivers an API key's webhooks: the callback URL it was pointed at, with its port and path, so the
 * test can serve {@code waapi:webhook} there.
 *
 * @param apiKeyName the key whose webhooks go there
 * @param url        the callback URL, e.g. {@code http://127.0.0.1:41234/waapi/webhook}
 */
public record WebhookCallback(String apiKeyName, URI url) {

    public WebhookCallback {
        Objects.requireNonNull(apiKeyName, "apiKeyName");
        Objects.requireNonNull(url, "url");
    }

    public String host() {
        return url.getHost();
    }

    /** The port, e.g. for {@code server.port} (Spring Boot) or {@code quarkus.http.test-port}. */
    public int port() {
        int port = url.getPort();
        return port >= 0 ? port : "https".equals(url.getScheme()) ? 443 : 80;
    }

    /** The path, the {@code path} of the {@code waapi:webhook} consumer (default {@code /waapi/webhook}). */
    public String path() {
        return url.getPath();
    }

    /**
     * Camel Main's HTTP server on this host and port: {@code camel.server.enabled=true}, {@code camel.server.host},
     * {@code camel.server.port} (with {@code camel-platform-http-main} on the classpath).
     */
    public Map<String, String> camelServerProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("camel.server.enabled", "true");
        properties.put("camel.server.host", host());
        properties.put("camel.server.port", Integer.toString(port()));
        return properties;
    }

    @Override
    public String toString() {
        return url.toString();
    }
}
