package com.easycrm4u.camel.waapi.quarkus.deployment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import jakarta.inject.Inject;

import com.easycrm4u.camel.waapi.WaapiComponent;
import com.easycrm4u.camel.waapi.WaapiConfiguration;
import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.model.PingResult;
import com.easycrm4u.camel.waapi.model.SendResult;
import com.easycrm4u.camel.waapi.sandbox.WaapiSandbox;
import io.quarkus.test.QuarkusUnitTest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no API key configured, test (and dev) mode start the WAAPI sandbox and point the component at it: the
 * application's routes send without an account.
 */
class WaapiDevServicesTest {

    @RegisterExtension
    static final QuarkusUnitTest APPLICATION = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.http.test-port", "0");

    @Inject
    CamelContext context;

    @Inject
    ProducerTemplate producer;

    @Test
    void theComponentTalksToTheSandbox() {
        WaapiConfiguration configuration = context.getComponent(WaapiConstants.SCHEME, WaapiComponent.class).getConfiguration();
        assertThat(configuration.getBaseUrl()).startsWith("http://127.0.0.1:");
        assertThat(configuration.getApiKey()).isEqualTo(WaapiSandbox.DEFAULT_API_KEY);
        assertThat(configuration.getFromPhoneNo()).isEqualTo(WaapiSandbox.DEFAULT_PHONE_NUMBER);
        assertThat(configuration.getWebhookVerifyToken()).isEqualTo(WaapiSandbox.DEFAULT_WEBHOOK_VERIFY_TOKEN);

        PingResult ping = producer.requestBody("waapi:ping", null, PingResult.class);
        assertThat(ping.getPong()).isTrue();
        assertThat(ping.getApiKeyName()).isNotBlank();
    }

    @Test
    void theConsoleIsOffInTestMode() throws Exception {
        URI api = URI.create(context.getComponent(WaapiConstants.SCHEME, WaapiComponent.class).getConfiguration().getBaseUrl());
        HttpResponse<Void> console = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(api.resolve("/console")).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(console.statusCode()).isEqualTo(404);
    }

    @Test
    void anApprovedTemplateIsSent() {
        Exchange exchange = producer.request("waapi:cloud/template?templateName=order_shipped&language=en", e -> {
            e.getMessage().setHeader(WaapiConstants.TO, "917890000198");
            e.getMessage().setBody(List.of("Sayantan", "AWB-12345"));
        });

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(SendResult.class).getMessageId()).startsWith("wamid.");
    }
}
