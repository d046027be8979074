package com.easycrm4u.camel.waapi.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.model.SendResult;
import com.easycrm4u.camel.waapi.webhook.WebhookSignature;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The sandbox as a plain Java object, with a plain DefaultCamelContext. */
class SandboxPlainContextTest {

    @Test
    void configureAContextBeforeItsRoutes() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver();
             WaapiSandbox sandbox = WaapiSandbox.builder().statusInterval(Duration.ofMillis(10)).build().start();
             CamelContext context = new DefaultCamelContext()) {
            sandbox.setWebhookUrl("Sandbox", receiver.url());
            sandbox.configure(context);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:shipped").to("waapi:cloud/template?templateName=order_shipped&language=en");
                }
            });
            context.start();
            ProducerTemplate template = context.createProducerTemplate();

            SendResult result = template.requestBodyAndHeader("direct:shipped", List.of("Sayantan", "AWB-12345"),
                    WaapiConstants.TO, "+917890000198", SendResult.class);

            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 3);
            String verifyToken = context.getComponent("waapi", com.easycrm4u.camel.waapi.WaapiComponent.class)
                    .getConfiguration().getWebhookVerifyToken();
            assertThat(receiver.received()).allSatisfy(r -> assertThat(
                    WebhookSignature.verify(r.body(), r.header(WebhookSignature.HEADER), verifyToken)).isTrue());
            await().until(() -> sandbox.getSentMessage(result.getMessageId()).getStatus().equals("read"));
        }
    }

    @Test
    void receiveWebhooksInAPlainContextInOneLine() throws Exception {
        try (WaapiSandbox sandbox = WaapiSandbox.builder().statusInterval(Duration.ofMillis(10)).build().start();
             CamelContext context = new DefaultCamelContext()) {
            sandbox.configure(context);
            WebhookCallback callback = sandbox.receiveWebhooksIn(context);
            context.addRoutes(StatusRoundTrip.routes());
            context.start();

            StatusRoundTrip.sendAndReceiveStatuses(context, sandbox);
            assertThat(sandbox.getWebhookUrl(WaapiSandbox.DEFAULT_API_KEY_NAME))
                    .isEqualTo("http://127.0.0.1:" + callback.port() + "/waapi/webhook");
        }
    }

    @Test
    void deliverWebhooksToANamedPortAndPath() {
        try (WaapiSandbox sandbox = WaapiSandbox.builder().build().start()) {
            WebhookCallback callback = sandbox.deliverWebhooksTo(8089, "hooks/waapi");

            assertThat(callback.url()).hasToString("http://127.0.0.1:8089/hooks/waapi");
            assertThat(callback.apiKeyName()).isEqualTo(WaapiSandbox.DEFAULT_API_KEY_NAME);
            assertThat(callback.camelServerProperties()).containsEntry("camel.server.enabled", "true")
                    .containsEntry("camel.server.host", "127.0.0.1").containsEntry("camel.server.port", "8089");
            assertThat(sandbox.getWebhookUrl(WaapiSandbox.DEFAULT_API_KEY_NAME)).isEqualTo("http://127.0.0.1:8089/hooks/waapi");

            WebhookCallback free = sandbox.deliverWebhooksToFreePort();
            assertThat(free.port()).isPositive().isNotEqualTo(sandbox.getPort());
            assertThat(free.path()).isEqualTo(WaapiSandbox.DEFAULT_WEBHOOK_PATH);
        }
    }

    @Test
    void camelPropertiesForMain() {
        try (WaapiSandbox sandbox = WaapiSandbox.builder().build().start()) {
            Map<String, String> properties = sandbox.camelProperties();
            assertThat(properties).containsEntry("camel.component.waapi.base-url", sandbox.getBaseUrl())
                    .containsEntry("camel.component.waapi.api-key", WaapiSandbox.DEFAULT_API_KEY)
                    .containsEntry("camel.component.waapi.api-secret", WaapiSandbox.DEFAULT_API_SECRET)
                    .containsEntry("camel.component.waapi.from-phone-no", WaapiSandbox.DEFAULT_PHONE_NUMBER)
                    .containsEntry("camel.component.waapi.webhook-verify-token", WaapiSandbox.DEFAULT_WEBHOOK_VERIFY_TOKEN);
            assertThat(sandbox.getBaseUrl()).startsWith("http://127.0.0.1:").endsWith("/api/v1/external");
        }
    }

    @Test
    void secretsStayOutOfToString() {
        SandboxApiKey key = SandboxApiKey.builder("waapi_visible_key").secret("secr_hidden").name("Named")
                .webhookVerifyToken("token_hidden").build();
        assertThat(key.toString()).contains("Named").doesNotContain("waapi_visible_key", "secr_hidden", "token_hidden");
    }
}
