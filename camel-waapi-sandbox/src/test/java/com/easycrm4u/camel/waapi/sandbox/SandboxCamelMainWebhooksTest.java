package com.easycrm4u.camel.waapi.sandbox;

import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.Configure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Camel Main application whose properties name a real account through {@code {{env:...}}} placeholders (as the README
 * recommends) and a fixed {@code camel.server.port}: with the hook, the sandbox's values and webhook port win.
 */
@CamelMainTest(propertyPlaceholderFileName = "main-webhooks-test.properties")
class SandboxCamelMainWebhooksTest {

    @RegisterExtension
    WaapiSandboxExtension waapi = new WaapiSandboxExtension().withWebhooks();

    @BeanInject
    CamelContext context;

    @Configure
    void pointWaapiAtTheSandbox(MainConfigurationProperties configuration) {
        configuration.addConfiguration(waapi.camelConfiguration());
    }

    @Test
    void theStatusesOfASendComeBackToTheYamlWebhookRoute() {
        StatusRoundTrip.sendAndReceiveStatuses(context, waapi.getSandbox());

        assertThat(waapi.getWebhookCallback().orElseThrow().port()).isNotEqualTo(8089);
    }
}
