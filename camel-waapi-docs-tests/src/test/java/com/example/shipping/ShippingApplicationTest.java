package com.example.shipping;

import java.util.List;

import com.easycrm4u.camel.waapi.model.SendResult;
import com.easycrm4u.camel.waapi.sandbox.WaapiSandbox;
import com.easycrm4u.camel.waapi.sandbox.WaapiSandboxExtension;
import com.easycrm4u.camel.waapi.sandbox.WebhookDelivery;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.Configure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.easycrm4u.camel.waapi.sandbox.WebhookDelivery.State.DELIVERED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

// the application as configured by src/main/resources/application.properties
@CamelMainTest
class ShippingApplicationTest {

    @RegisterExtension
    WaapiSandboxExtension waapi = new WaapiSandboxExtension().withWebhooks();

    @BeanInject
    CamelContext context;

    // the sandbox's key and URL replace the application's, and camel.server.port moves to the webhooks' free port
    @Configure
    void pointWaapiAtTheSandbox(MainConfigurationProperties configuration) {
        configuration.addConfiguration(waapi.camelConfiguration());
    }

    @Test
    void theTemplateGoesOutAndItsStatusesComeBack() {
        SendResult sent = context.createProducerTemplate().requestBodyAndHeader("direct:orderShipped",
                List.of("Sayantan", "AWB-12345"), "customerPhone", "+917890000198", SendResult.class);

        WaapiSandbox sandbox = waapi.getSandbox();
        sandbox.awaitStatus("read", sent.getMessageId());

        assertThat(sandbox.getSentMessage(sent.getMessageId()).getType()).isEqualTo("template");
        // each status webhook was answered 200 by the delivery-statuses route: it ran without error
        assertThat(sandbox.getDeliveries())
                .extracting(WebhookDelivery::getKind, WebhookDelivery::getState)
                .containsExactly(tuple("sent", DELIVERED), tuple("delivered", DELIVERED), tuple("read", DELIVERED));
    }
}
