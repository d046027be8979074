package com.easycrm4u.camel.waapi.sandbox;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;

/**
 * Gives a Camel context the HTTP server that {@code waapi:webhook} registers its path with, on the webhook callback's
 * host and port: Camel Main's server (camel-platform-http-main) when the context has one, moved to that port (it wins
 * over {@code camel.server.port}), or else a Vert.x platform-http server (camel-platform-http-vertx). Loaded only when
 * camel-platform-http-vertx is on the classpath.
 */
final class PlatformHttpHosting {

    private PlatformHttpHosting() {
    }

    /** The port the context's webhooks are served on. Call it before the context starts. */
    static int host(CamelContext context, String host, int port) {
        if (Classpath.PLATFORM_HTTP_MAIN && MainHttpServerHosting.moveTo(context, host, port)) {
            return port;
        }
        VertxPlatformHttpServer existing = context.hasService(VertxPlatformHttpServer.class);
        if (existing != null && existing.getConfigurationPort() > 0) {
            return existing.getConfigurationPort();
        }
        VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
        configuration.setBindHost(host);
        configuration.setBindPort(port);
        try {
            context.addService(new VertxPlatformHttpServer(configuration));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start an HTTP server for waapi:webhook on " + host + ":" + port, e);
        }
        return port;
    }
}
