package com.easycrm4u.camel.waapi.example.springboot;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.easycrm4u.camel.waapi.example.ErpToWhatsAppScenario;
import com.easycrm4u.camel.waapi.sandbox.WaapiSandbox;
import com.easycrm4u.camel.waapi.webhook.WebhookSignature;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.easycrm4u.camel.waapi.example.ErpToWhatsAppScenario.STATUS_ROUTE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example application on a random port, against the WAAPI sandbox: an order posted by the "ERP" goes out as the
 * order_shipped template, and the signed status webhooks come back through Spring MVC into the YAML webhook route.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErpToWhatsAppApplicationTest {

    private static final WaapiSandbox SANDBOX = WaapiSandbox.builder().build().start();

    /** The reference's "Status — Delivered" delivery. */
    private static final String DELIVERED = """
            {"object":"whatsapp_business_account","entry":[{"id":"959648497055756","changes":[{"field":"messages",\
            "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"+91 78900 00199",\
            "phone_number_id":"1226212787235581"},"statuses":[{"id":"MESSAGE_ID","status":"delivered",\
            "timestamp":"1718635790","recipient_id":"917890000198","conversation":{"id":"7e8d9f3a1c2b4d5e8f9a0b1c2d3e4f5a",\
            "expiration_timestamp":"1718722190","origin":{"type":"marketing"}},"pricing":{"billable":true,\
            "pricing_model":"CBP","category":"marketing","type":"regular"}}]}}]}]}""";

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camelContext;

    private ErpToWhatsAppScenario scenario;

    @DynamicPropertySource
    static void waapiConnection(DynamicPropertyRegistry registry) {
        SANDBOX.camelProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @BeforeEach
    void sendWebhooksToTheApplication() {
        scenario = new ErpToWhatsAppScenario(URI.create("http://127.0.0.1:" + port), SANDBOX);
        scenario.reset();
    }

    @AfterAll
    static void stopSandbox() {
        SANDBOX.close();
    }

    @Test
    void aShippedOrderGoesOutAsTemplateAndItsStatusesComeBackSigned() {
        scenario.assertRoundTrip(camelContext, "SO-1001", "Sayantan", "917890000198", "AWB-12345");
    }

    @Test
    void anOrderWithABadPhoneNumberIsRefusedAndNothingIsSent() {
        HttpResponse<String> answer = scenario.shipOrder("SO-1005", "Kabir", "12-AB", "AWB-12349");

        assertThat(ErpToWhatsAppScenario.errorOf(answer)).contains("to");
        assertThat(SANDBOX.getSentMessages()).isEmpty();
    }

    @Test
    void anOrderThatIsNotJsonIsRefused() {
        HttpResponse<String> answer = scenario.postOrder("orderId=SO-1006");

        assertThat(ErpToWhatsAppScenario.errorOf(answer)).isNotBlank();
        assertThat(SANDBOX.getSentMessages()).isEmpty();
    }

    @Test
    void aDeliverySignedWithTheVerifyTokenIsRoutedAndAForgedOneRefused() {
        String body = DELIVERED.replace("MESSAGE_ID", "wamid.SIGNED-" + UUID.randomUUID());
        String deliveryId = "test-" + UUID.randomUUID();
        NotifyBuilder routed = new NotifyBuilder(camelContext).fromRoute(STATUS_ROUTE)
                .whenAnyDoneMatches(ErpToWhatsAppScenario.fromDelivery(deliveryId)).create();

        HttpResponse<String> forged = scenario.postWebhook(deliveryId, body, WebhookSignature.sign(body, "not-the-verify-token"));
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(routed.matches()).as("a forged delivery is not routed").isFalse();

        HttpResponse<String> signed = scenario.postWebhook(deliveryId, body,
                WebhookSignature.sign(body, WaapiSandbox.DEFAULT_WEBHOOK_VERIFY_TOKEN));
        assertThat(signed.statusCode()).isEqualTo(200);
        assertThat(routed.matches(10, TimeUnit.SECONDS)).isTrue();
    }
}
