package com.easycrm4u.camel.waapi.example.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;

import com.easycrm4u.camel.waapi.example.ErpExampleChecks;
import com.easycrm4u.camel.waapi.example.OversizedDeliveries;
import com.easycrm4u.camel.waapi.sandbox.WaapiSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example application against the WAAPI sandbox, on a free port chosen before it starts (the sandbox must know the
 * webhook URL before the shipped batch goes out): the batch goes out as order_shipped templates, the signed status
 * webhooks come back through Spring MVC into the YAML webhook route, and the report, the inbox and the STATUS answer
 * work as on Camel Main.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class ErpToWhatsAppApplicationTest {

    private static final WaapiSandbox SANDBOX = ErpExampleChecks.startSandbox();
    private static final int PORT = WaapiSandbox.freeLoopbackPort();
    private static final URI WEBHOOK = URI.create("http://127.0.0.1:" + PORT + "/waapi/webhook");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path WORK_DIR = Path.of("target", "erp-example-" + UUID.randomUUID()).toAbsolutePath();

    @Autowired
    CamelContext camelContext;

    @DynamicPropertySource
    static void pointTheApplicationAtTheSandbox(DynamicPropertyRegistry registry) {
        SANDBOX.camelProperties().forEach((name, value) -> registry.add(name, () -> value));
        SANDBOX.setWebhookUrl(SANDBOX.getPrimaryApiKey().getName(), WEBHOOK.toString());
        registry.add("server.port", () -> PORT);
        registry.add("server.address", () -> "127.0.0.1");
        registry.add("example.work-dir", WORK_DIR::toString);
    }

    @AfterAll
    static void stopSandbox() {
        SANDBOX.close();
    }

    @Test
    void theShippedBatchIsSentAndEveryStatusReported() {
        ErpExampleChecks.assertBatchReported(WORK_DIR, SANDBOX);
    }

    @Test
    void aCustomerWhoWritesStatusGetsTheStateOfTheirOrder() {
        ErpExampleChecks.assertBatchReported(WORK_DIR, SANDBOX);
        ErpExampleChecks.assertStatusQuestionAnswered(SANDBOX);
    }

    @Test
    void anOrderFileDroppedIntoTheInboxIsSent() {
        ErpExampleChecks.assertInboxOrderSent(WORK_DIR, SANDBOX);
    }

    @Test
    void aBodyOverMaxBodySizeIsRefusedBeforeSpringMvcBuffersIt() {
        OversizedDeliveries.assertRefusedBeforeBuffering(WEBHOOK);
    }

    @Test
    void theActuatorShowsTheProducersHealthAndTheMessagesSent() throws Exception {
        ErpExampleChecks.assertBatchReported(WORK_DIR, SANDBOX);

        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode camelHealth = JSON.readTree(health.body()).path("components").path("camelHealth");
        assertThat(camelHealth.path("status").asText()).isEqualTo("UP");
        assertThat(camelHealth.path("details").toString()).contains("producer:waapi:cloud/template");

        HttpResponse<String> sent = get("/actuator/metrics/waapi.messages?tag=operation:cloud/template&tag=outcome:success");
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(sent.body()).path("measurements").get(0).path("value").asDouble()).isPositive();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void onlyDeliveriesSignedWithTheVerifyTokenAreRouted() {
        ErpExampleChecks.assertBatchReported(WORK_DIR, SANDBOX);
        ErpExampleChecks.assertOnlyCorrectlySignedDeliveriesRouted(camelContext, WEBHOOK, SANDBOX);
    }

    @Test
    void theKeysTestEventIsRoutedAndAcknowledged() {
        ErpExampleChecks.assertTestEventRouted(camelContext, SANDBOX);
    }
}
