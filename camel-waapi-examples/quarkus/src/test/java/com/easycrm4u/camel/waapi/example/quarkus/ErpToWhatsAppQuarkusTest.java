package com.easycrm4u.camel.waapi.example.quarkus;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jakarta.inject.Inject;

import com.easycrm4u.camel.waapi.example.ErpExampleChecks;
import com.easycrm4u.camel.waapi.example.OversizedDeliveries;
import com.easycrm4u.camel.waapi.example.quarkus.WaapiSandboxResource.ErpExampleApplication;
import com.easycrm4u.camel.waapi.sandbox.WaapiSandbox;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example application on Quarkus (JVM mode) against the WAAPI sandbox: the shipped batch goes out as order_shipped
 * templates, the signed status webhooks come back through Quarkus's HTTP server into the YAML webhook route, and the
 * report, the inbox and the STATUS answer work as on Camel Main.
 */
@QuarkusTest
@WithTestResource(WaapiSandboxResource.class)
class ErpToWhatsAppQuarkusTest {

    WaapiSandbox sandbox;
    ErpExampleApplication application;

    @Inject
    CamelContext camelContext;

    @Test
    void theShippedBatchIsSentAndEveryStatusReported() {
        ErpExampleChecks.assertBatchReported(application.workDir(), sandbox);
    }

    @Test
    void aCustomerWhoWritesStatusGetsTheStateOfTheirOrder() {
        ErpExampleChecks.assertBatchReported(application.workDir(), sandbox);
        ErpExampleChecks.assertStatusQuestionAnswered(sandbox);
    }

    @Test
    void anOrderFileDroppedIntoTheInboxIsSent() {
        ErpExampleChecks.assertInboxOrderSent(application.workDir(), sandbox);
    }

    @Test
    void aBodyOverMaxBodySizeIsRefusedBeforeQuarkusBuffersIt() {
        OversizedDeliveries.assertRefusedBeforeBuffering(application.webhook());
    }

    @Test
    void healthAndMetricsShowTheProducer() throws Exception {
        ErpExampleChecks.assertBatchReported(application.workDir(), sandbox);

        // Camel Quarkus shows the producers repository as one check, camel-producers, with the details when DOWN
        HttpResponse<String> ready = get("/q/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).containsPattern("\"name\": \"camel-producers\",\\s*\"status\": \"UP\"");
        assertThat(HealthCheckHelper.getHealthCheckRepository(camelContext, "producers").stream()
                .map(HealthCheck::getId)).anyMatch(id -> id.startsWith("producer:waapi:cloud/template"));

        HttpResponse<String> metrics = get("/q/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .containsPattern("waapi_messages_total\\{[^}]*operation=\"cloud/template\"[^}]*outcome=\"success\"");
    }

    private HttpResponse<String> get(String path) throws Exception {
        URI uri = application.webhook().resolve(path);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void onlyDeliveriesSignedWithTheVerifyTokenAreRouted() {
        ErpExampleChecks.assertBatchReported(application.workDir(), sandbox);
        ErpExampleChecks.assertOnlyCorrectlySignedDeliveriesRouted(camelContext, application.webhook(), sandbox);
    }

    @Test
    void theKeysTestEventIsRoutedAndAcknowledged() {
        ErpExampleChecks.assertTestEventRouted(camelContext, sandbox);
    }
}
