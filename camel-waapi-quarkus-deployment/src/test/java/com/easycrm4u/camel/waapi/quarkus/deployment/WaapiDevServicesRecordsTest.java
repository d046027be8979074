package com.easycrm4u.camel.waapi.quarkus.deployment;

import java.util.List;

import jakarta.inject.Inject;

import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.model.SendResult;
import com.easycrm4u.camel.waapi.sandbox.RemoteSandbox;
import io.quarkus.test.QuarkusUnitTest;
import org.apache.camel.ProducerTemplate;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dev Service publishes its sandbox's URL, where a test reads what the sandbox recorded; with no HTTP test port
 * configured it gives the application a free one and sends the sandbox's webhooks there.
 */
class WaapiDevServicesRecordsTest {

    @RegisterExtension
    static final QuarkusUnitTest APPLICATION = new QuarkusUnitTest();

    @ConfigProperty(name = "waapi.sandbox.url")
    String sandboxUrl;

    @ConfigProperty(name = "quarkus.http.test-port")
    int testPort;

    @ConfigProperty(name = "camel.component.waapi.base-url")
    String baseUrl;

    @Inject
    ProducerTemplate producer;

    @Test
    void aTestReadsTheSandboxsRecordsAtThePublishedUrl() {
        assertThat(sandboxUrl).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(baseUrl).isEqualTo(sandboxUrl + "/api/v1/external");

        SendResult sent = producer.requestBodyAndHeader("waapi:cloud/template?templateName=order_shipped&language=en",
                List.of("Sayantan", "AWB-12345"), WaapiConstants.TO, "917890000198", SendResult.class);

        RemoteSandbox sandbox = RemoteSandbox.at(sandboxUrl);
        assertThat(sandbox.getSentMessage(sent.getMessageId())).satisfies(m -> {
            assertThat(m.type()).isEqualTo("template");
            assertThat(m.to()).isEqualTo("917890000198");
        });
        // nothing serves HTTP in this application, but the webhooks went to the port the Dev Service chose for it
        assertThat(testPort).isNotIn(0, 8081);
        Awaitility.await().until(() -> !sandbox.getDeliveries(sent.getMessageId()).isEmpty());
        assertThat(sandbox.getDeliveries(sent.getMessageId()).get(0).url())
                .isEqualTo("http://127.0.0.1:" + testPort + "/waapi/webhook");
    }
}
