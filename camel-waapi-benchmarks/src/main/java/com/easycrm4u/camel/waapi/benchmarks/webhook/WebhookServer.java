package com.easycrm4u.camel.waapi.benchmarks.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import com.easycrm4u.camel.waapi.benchmarks.load.Allocation;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * The server side of the webhook run, in a JVM of its own: Camel Main with its platform-http server (Vert.x) hosting
 * two routes on one port, {@code waapi:webhook} (signatures verified, de-duplication on, one exchange per event) on
 * {@value Deliveries#PATH} and a bare {@code platform-http} route on {@value Deliveries#BARE_PATH}. Both routes do
 * nothing with what they get, so what is measured is what it costs to get it. Prints {@code PORT <n>}, serves until its
 * standard input closes.
 */
public final class WebhookServer {

    private WebhookServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = freePort();
        Main main = new Main();
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", String.valueOf(port));
        main.addInitialProperty("camel.component.waapi.webhook-verify-token", Deliveries.VERIFY_TOKEN);
        main.addInitialProperty("camel.main.name", "webhook-benchmark");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("waapi:webhook?path=" + Deliveries.PATH).routeId("waapi-webhook").log(LoggingLevel.TRACE, "${body}");
                from("platform-http:" + Deliveries.BARE_PATH + "?httpMethodRestrict=POST").routeId("bare")
                        .log(LoggingLevel.TRACE, "${body}")
                        .setHeader("Content-Type", constant("application/json")).setBody(constant("{\"ok\":true}"));
                // what this JVM allocated so far, for the bytes per delivery of the run
                from("platform-http:" + Deliveries.STATS_PATH + "?httpMethodRestrict=GET").routeId("stats")
                        .setBody(exchange -> String.valueOf(Allocation.total()));
            }
        });
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport support) {
                System.out.println("PORT " + port);
                System.out.flush();
            }
        });
        Thread stopper = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // serve until the parent closes our input or ends
                }
            } catch (IOException ignored) {
                // the parent is gone
            }
            main.completed();
        }, "webhook-server-stopper");
        stopper.setDaemon(true);
        stopper.start();
        main.run();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
