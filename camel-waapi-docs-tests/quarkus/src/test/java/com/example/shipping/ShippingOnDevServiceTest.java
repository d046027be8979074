package com.example.shipping;

import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import com.easycrm4u.camel.waapi.model.SendResult;
import com.easycrm4u.camel.waapi.sandbox.RemoteSandbox;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import static com.easycrm4u.camel.waapi.sandbox.WebhookDelivery.State.DELIVERED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@QuarkusTest
class ShippingOnDevServiceTest {

    // published by the WAAPI Dev Service, whose sandbox runs in Quarkus's build: read it over its records API
    @ConfigProperty(name = "waapi.sandbox.url")
    String sandboxUrl;

    @Inject
    ProducerTemplate template;

    @Inject
    CamelContext context;

    @Test
    void theTemplateGoesOutAndItsSignedStatusesReachTheWebhookRoute() {
        NotifyBuilder statuses = new NotifyBuilder(context).fromRoute("delivery-statuses").whenCompleted(3).create();

        SendResult sent = template.requestBodyAndHeader("direct:orderShipped", List.of("Sayantan", "AWB-12345"),
                "customerPhone", "+917890000198", SendResult.class);

        RemoteSandbox sandbox = RemoteSandbox.at(sandboxUrl);
        sandbox.awaitStatus("read", sent.getMessageId());
        assertThat(sandbox.getSentMessage(sent.getMessageId())).satisfies(message -> {
            assertThat(message.type()).isEqualTo("template");
            assertThat(message.to()).isEqualTo("917890000198");
            assertThat(message.statuses()).containsExactly("sent", "delivered", "read");
        });
        // each signed status webhook was verified and answered 200 by waapi:webhook, and the route ran
        assertThat(sandbox.getDeliveries(sent.getMessageId()))
                .extracting(RemoteSandbox.Delivery::kind, RemoteSandbox.Delivery::state)
                .containsExactly(tuple("sent", DELIVERED), tuple("delivered", DELIVERED), tuple("read", DELIVERED));
        assertThat(statuses.matches(20, TimeUnit.SECONDS)).isTrue();
    }
}
