package com.easycrm4u.camel.waapi.sandbox;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.MainHttpServer;

/**
 * Moves Camel Main's HTTP server to the webhook callback's port. Loaded only when camel-platform-http-main is there.
 */
final class MainHttpServerHosting {

    private MainHttpServerHosting() {
    }

    /**
     * Moves the server Camel Main created from {@code camel.server.*} (not started yet: Camel Main creates it before it
     * runs configuration classes); false when the context has none.
     */
    static boolean moveTo(CamelContext context, String host, int port) {
        MainHttpServer server = context.hasService(MainHttpServer.class);
        if (server == null) {
            return false;
        }
        server.setHost(host);
        server.setPort(port);
        return true;
    }
}
