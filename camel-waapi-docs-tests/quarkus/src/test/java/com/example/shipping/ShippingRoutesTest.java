package com.example.shipping;

import java.util.List;

import jakarta.inject.Inject;

import com.easycrm4u.camel.waapi.model.SendResult;
import com.easycrm4u.camel.waapi.sandbox.WaapiSandbox;
import com.easycrm4u.camel.waapi.sandbox.WebhookDelivery;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.easycrm4u.camel.waapi.sandbox.WebhookDelivery.State.DELIVERED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@QuarkusTest
@TestProfile(WithoutDevService.class)
@WithTestResource(WaapiSandboxResource.class)
class ShippingRoutesTest {

    WaapiSandbox sandbox; // injected by WaapiSandboxResource

    @Inject
    ProducerTemplate template;

    @BeforeEach
    void forgetThePreviousTestsMessages() {
        sandbox.reset();
    }

    @Test
    void theTemplateGoesOutAndItsStatusesComeBack() {
        SendResult sent = template.requestBodyAndHeader("direct:orderShipped", List.of("Sayantan", "AWB-12345"),
                "customerPhone", "+917890000198", SendResult.class);

        sandbox.awaitStatus("read", sent.getMessageId());

        assertThat(sandbox.getSentMessage(sent.getMessageId()).getType()).isEqualTo("template");
        // each status webhook was answered 200 by the delivery-statuses route: it ran without error
        assertThat(sandbox.getDeliveries())
                .extracting(WebhookDelivery::getKind, WebhookDelivery::getState)
                .containsExactly(tuple("sent", DELIVERED), tuple("delivered", DELIVERED), tuple("read", DELIVERED));
    }
}
