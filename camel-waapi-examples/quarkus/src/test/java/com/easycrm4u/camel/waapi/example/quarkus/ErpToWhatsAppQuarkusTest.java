package com.easycrm4u.camel.waapi.example.quarkus;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.easycrm4u.camel.waapi.example.ErpToWhatsAppScenario;
import com.easycrm4u.camel.waapi.sandbox.WaapiSandbox;
import com.easycrm4u.camel.waapi.webhook.WebhookSignature;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.easycrm4u.camel.waapi.example.ErpToWhatsAppScenario.STATUS_ROUTE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example application on Quarkus (JVM mode) against the WAAPI sandbox: an order posted by the "ERP" goes out as the
 * order_shipped template, and the signed status webhooks come back through Quarkus's HTTP server into the YAML route.
 */
@QuarkusTest
@WithTestResource(WaapiSandboxResource.class)
class ErpToWhatsAppQuarkusTest {

    WaapiSandbox sandbox;

    @Inject
    CamelContext camelContext;

    @TestHTTPResource("/")
    URI application;

    private ErpToWhatsAppScenario scenario;

    @BeforeEach
    void sendWebhooksToTheApplication() {
        scenario = new ErpToWhatsAppScenario(application, sandbox);
        scenario.reset();
    }

    @Test
    void aShippedOrderGoesOutAsTemplateAndItsStatusesComeBackSigned() {
        scenario.assertRoundTrip(camelContext, "SO-1002", "Priya", "917890000201", "AWB-12346");
    }

    @Test
    void anOrderWithoutAPhoneNumberIsRefusedAndNothingIsSent() {
        HttpResponse<String> answer = scenario.shipOrder("SO-1003", "Arjun", null, "AWB-12347");

        assertThat(ErpToWhatsAppScenario.errorOf(answer)).contains("to");
        assertThat(sandbox.getSentMessages()).isEmpty();
    }

    @Test
    void aDeliverySignedWithTheVerifyTokenIsRoutedAndATamperedOneRefused() {
        String messageId = scenario.assertTemplateSent(scenario.shipOrder("SO-1004", "Meera", "917890000299", "AWB-12348"),
                "917890000299", "Meera", "AWB-12348");
        String delivered = scenario.awaitDeliveredWebhook(messageId);
        String tampered = delivered.replace("\"delivered\"", "\"read\"");
        String deliveryId = "test-" + UUID.randomUUID();
        NotifyBuilder routed = new NotifyBuilder(camelContext).fromRoute(STATUS_ROUTE)
                .whenAnyDoneMatches(ErpToWhatsAppScenario.fromDelivery(deliveryId)).create();

        HttpResponse<String> refused = scenario.postWebhook(deliveryId, tampered,
                WebhookSignature.sign(delivered, WaapiSandbox.DEFAULT_WEBHOOK_VERIFY_TOKEN));
        assertThat(refused.statusCode()).as("the signature of the original bytes on changed bytes").isEqualTo(401);
        assertThat(routed.matches()).as("a tampered delivery is not routed").isFalse();

        HttpResponse<String> accepted = scenario.postWebhook(deliveryId, tampered,
                WebhookSignature.sign(tampered, WaapiSandbox.DEFAULT_WEBHOOK_VERIFY_TOKEN));
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(routed.matches(10, TimeUnit.SECONDS)).isTrue();
    }
}
