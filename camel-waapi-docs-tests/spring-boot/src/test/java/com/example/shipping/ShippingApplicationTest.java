package com.example.shipping;

import java.util.List;

import com.easycrm4u.camel.waapi.model.SendResult;
import com.easycrm4u.camel.waapi.sandbox.WaapiSandbox;
import com.easycrm4u.camel.waapi.sandbox.WaapiSandboxExtension;
import com.easycrm4u.camel.waapi.sandbox.WebhookDelivery;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.easycrm4u.camel.waapi.sandbox.WebhookDelivery.State.DELIVERED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

// the application as configured by application.properties, on a random port (server.port = 8080 is not used)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShippingApplicationTest {

    // static: one sandbox for the class, as Spring keeps one application context for it
    @RegisterExtension
    static WaapiSandboxExtension waapi = new WaapiSandboxExtension();

    // the sandbox's key and URL replace the application's camel.component.waapi.*
    @DynamicPropertySource
    static void pointWaapiAtTheSandbox(DynamicPropertyRegistry registry) {
        waapi.getSandbox().camelProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @LocalServerPort
    int port;

    @Autowired
    ProducerTemplate template;

    // the port is known once the application runs; the statuses come after the send, so this is in time
    @BeforeEach
    void deliverWebhooksToTheApplication() {
        waapi.getSandbox().reset(); // forgets the messages of the tests before
        waapi.getSandbox().deliverWebhooksTo(port, WaapiSandbox.DEFAULT_WEBHOOK_PATH);
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
