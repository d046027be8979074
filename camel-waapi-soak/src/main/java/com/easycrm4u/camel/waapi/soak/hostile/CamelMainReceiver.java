package com.easycrm4u.camel.waapi.soak.hostile;

import com.easycrm4u.camel.waapi.WaapiConstants;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * The Camel Main receiver of the hostile-load run, in a JVM of its own: Camel Main with its platform-http server
 * (Vert.x) on 127.0.0.1 and a {@code waapi:webhook} route on the default path with the defaults of docs/webhooks.md
 * (maxBodySize 1 MiB, the verify token from {@value ReceiverProbe#VERIFY_TOKEN_VARIABLE}).
 */
public final class CamelMainReceiver {

    private CamelMainReceiver() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        ReceiverProbe probe = new ReceiverProbe();
        Main main = new Main();
        main.addInitialProperty("camel.main.name", "hostile-receiver");
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", String.valueOf(port));
        main.addInitialProperty("camel.component.waapi.webhook-verify-token",
                "{{env:" + ReceiverProbe.VERIFY_TOKEN_VARIABLE + "}}");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("waapi:webhook").routeId("webhook")
                        .process(exchange -> probe.work())
                        .process(exchange -> probe.routed(exchange.getMessage().getHeader(WaapiConstants.EVENT_KEY,
                                String.class)));
            }
        });
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport support) {
                Thread commands = new Thread(() -> probe.serve(port, main::completed), "receiver-commands");
                commands.setDaemon(true);
                commands.start();
            }
        });
        main.run();
        // a thread the server left behind must not keep the JVM (and the run) waiting
        System.exit(0);
    }
}
