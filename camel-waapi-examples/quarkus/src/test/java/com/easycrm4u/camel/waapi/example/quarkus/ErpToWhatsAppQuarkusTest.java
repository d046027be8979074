package com.easycrm4u.camel.waapi.example.quarkus;

import com.easycrm4u.camel.waapi.example.ErpExampleChecks;
import com.easycrm4u.camel.waapi.example.OversizedDeliveries;
import com.easycrm4u.camel.waapi.example.quarkus.WaapiSandboxResource.ErpExampleApplication;
import com.easycrm4u.camel.waapi.sandbox.WaapiSandbox;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

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
    void onlyDeliveriesSignedWithTheVerifyTokenAreRouted() {
        ErpExampleChecks.assertBatchReported(application.workDir(), sandbox);
        ErpExampleChecks.assertOnlyCorrectlySignedDeliveriesRouted(camelContext, application.webhook(), sandbox);
    }
}
