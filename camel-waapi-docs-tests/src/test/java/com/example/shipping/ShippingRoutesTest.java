package com.example.shipping;

import java.util.List;

import com.easycrm4u.camel.waapi.model.SendResult;
import com.easycrm4u.camel.waapi.sandbox.WaapiSandbox;
import com.easycrm4u.camel.waapi.sandbox.WaapiSandboxExtension;
import com.easycrm4u.camel.waapi.sandbox.WebhookDelivery;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.easycrm4u.camel.waapi.sandbox.WebhookDelivery.State.DELIVERED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ShippingRoutesTest extends CamelTestSupport {

    // a fresh sandbox for each test; its webhooks come back to this context's waapi:webhook
    @RegisterExtension
    WaapiSandboxExtension waapi = new WaapiSandboxExtension().withWebhooks();

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] { new ShippingRoutes(), new DeliveryStatusRoutes() };
    }

    @Test
    void theTemplateGoesOutAndItsStatusesComeBack() {
        SendResult sent = template.requestBodyAndHeader("direct:orderShipped", List.of("Sayantan", "AWB-12345"),
                "customerPhone", "+917890000198", SendResult.class);

        WaapiSandbox sandbox = waapi.getSandbox();
        sandbox.awaitStatus("read", sent.getMessageId());

        assertThat(sandbox.getSentMessage(sent.getMessageId()).getType()).isEqualTo("template");
        // each status webhook was answered 200 by the delivery-statuses route: it ran without error
        assertThat(sandbox.getDeliveries())
                .extracting(WebhookDelivery::getKind, WebhookDelivery::getState)
                .containsExactly(tuple("sent", DELIVERED), tuple("delivered", DELIVERED), tuple("read", DELIVERED));
    }
}
