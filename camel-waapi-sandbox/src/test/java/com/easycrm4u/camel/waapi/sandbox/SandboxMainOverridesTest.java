package com.easycrm4u.camel.waapi.sandbox;

import java.time.Duration;

import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

/** A Camel Main started by hand: the callback's camel.server.* as override properties serve the webhooks. */
class SandboxMainOverridesTest {

    @Test
    void camelServerPropertiesOfTheCallbackServeTheWebhooks() {
        try (WaapiSandbox sandbox = WaapiSandbox.builder().statusInterval(Duration.ofMillis(10)).build().start()) {
            WebhookCallback webhooks = sandbox.deliverWebhooksToFreePort();
            Main main = new Main();
            webhooks.camelServerProperties().forEach(main::addOverrideProperty);
            main.configure().addConfiguration(sandbox.camelConfiguration());
            main.configure().addRoutesBuilder(StatusRoundTrip.routes());
            main.start();
            try {
                StatusRoundTrip.sendAndReceiveStatuses(main.getCamelContext(), sandbox);
            } finally {
                main.stop();
            }
        }
    }
}
