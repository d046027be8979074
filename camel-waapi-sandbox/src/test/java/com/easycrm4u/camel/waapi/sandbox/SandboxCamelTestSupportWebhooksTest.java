package com.easycrm4u.camel.waapi.sandbox;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A send and its status webhooks in a CamelTestSupport test: one line sets up the webhook half. */
class SandboxCamelTestSupportWebhooksTest extends CamelTestSupport {

    @RegisterExtension
    WaapiSandboxExtension waapi = new WaapiSandboxExtension().withWebhooks();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return StatusRoundTrip.routes();
    }

    @Test
    void theStatusesOfASendComeBackThroughWaapiWebhook() {
        StatusRoundTrip.sendAndReceiveStatuses(context, waapi.getSandbox());

        WebhookCallback callback = waapi.getWebhookCallback().orElseThrow();
        assertThat(callback.path()).isEqualTo(WaapiSandbox.DEFAULT_WEBHOOK_PATH);
        assertThat(waapi.getSandbox().getWebhookUrl(WaapiSandbox.DEFAULT_API_KEY_NAME)).isEqualTo(callback.url().toString())
                .startsWith("http://127.0.0.1:");
        assertThat(waapi.getSandbox().getDeliveries(WaapiSandbox.DEFAULT_API_KEY_NAME))
                .allSatisfy(d -> assertThat(d.getStatusCodes()).containsExactly(200));
    }
}
