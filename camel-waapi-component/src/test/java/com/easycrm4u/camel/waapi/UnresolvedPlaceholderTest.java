package com.easycrm4u.camel.waapi;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.apache.camel.spi.RestConsumerFactory;
import org.apache.camel.support.DefaultConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A secret option (apiKey, apiSecret, webhookVerifyToken and each token of a rotation) that still holds an unresolved
 * placeholder fails the start, naming the option and not the value, on the component and on an endpoint.
 */
class UnresolvedPlaceholderTest {

    /** A context whose waapi component serves webhooks on a stub HTTP server, its options set by the test. */
    private static CamelContext context(WaapiConfiguration component) {
        CamelContext context = new DefaultCamelContext();
        WaapiComponent waapi = new WaapiComponent();
        waapi.setConfiguration(component);
        waapi.setWebhookComponentName("http-stub");
        context.addComponent("waapi", waapi);
        context.getRegistry().bind("http-stub", (RestConsumerFactory) (
                camelContext, processor, verb, basePath, uriTemplate, consumes, produces, configuration,
                parameters) -> new DefaultConsumer(context.getEndpoint("mock:http"), processor));
        return context;
    }

    private static LogCapture start(CamelContext context, String from, String to) {
        return LogCapture.of(() -> {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(from).to(to);
                }
            });
            context.start();
        });
    }

    private static void assertFailsNaming(LogCapture start, String option, String placeholderName) {
        assertThat(start.thrown()).as("the start fails").isNotNull();
        assertThat(start.thrown()).hasStackTraceContaining(option)
                .hasStackTraceContaining("unresolved property placeholder")
                .hasStackTraceContaining("Set the environment variable or property that the placeholder names");
        assertThat(start.everything()).as("the value is never shown").doesNotContain(placeholderName);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "webhookVerifyToken|${WAAPI_WEBHOOK_VERIFY_TOKEN}|WAAPI_WEBHOOK_VERIFY_TOKEN|camel.component.waapi.webhook-verify-token",
            "webhookVerifyToken|current-token,{{WAAPI_NEXT_TOKEN}}|WAAPI_NEXT_TOKEN|camel.component.waapi.webhook-verify-token",
            "apiKey|waapi_${WAAPI_API_KEY}|WAAPI_API_KEY|camel.component.waapi.api-key",
            "apiSecret|{{env:WAAPI_API_SECRET}}|WAAPI_API_SECRET|camel.component.waapi.api-secret" })
    void aComponentSecretThatIsAPlaceholderFailsTheStart(String option, String value, String placeholderName, String property)
            throws Exception {
        WaapiConfiguration configuration = new WaapiConfiguration();
        configuration.setWebhookVerifyToken("t0ken");
        switch (option) {
            case "apiKey" -> configuration.setApiKey(value);
            case "apiSecret" -> configuration.setApiSecret(value);
            default -> configuration.setWebhookVerifyToken(value);
        }
        try (CamelContext context = context(configuration)) {
            LogCapture start = start(context, "waapi:webhook", "mock:events");
            assertFailsNaming(start, property, placeholderName);
        }
    }

    @Test
    void aTokenOfARotationOnTheEndpointThatIsAPlaceholderFailsTheStart() throws Exception {
        WaapiConfiguration configuration = new WaapiConfiguration();
        try (CamelContext context = context(configuration)) {
            LogCapture start = start(context, "waapi:webhook?webhookVerifyToken=RAW(current-token,${WAAPI_NEXT_TOKEN})",
                    "mock:events");
            assertFailsNaming(start, "the option webhookVerifyToken of waapi:webhook", "WAAPI_NEXT_TOKEN");
        }
    }

    @Test
    void aProducerSecretOnTheEndpointThatIsAPlaceholderFailsTheStart() throws Exception {
        WaapiConfiguration configuration = new WaapiConfiguration();
        configuration.setApiKey("waapi_key");
        try (CamelContext context = context(configuration)) {
            LogCapture start = start(context, "direct:send", "waapi:ping?apiSecret=RAW(secr_${WAAPI_API_SECRET})");
            assertFailsNaming(start, "the option apiSecret of waapi:ping", "WAAPI_API_SECRET");
        }
    }

    @Test
    void resolvedSecretsStart() throws Exception {
        WaapiConfiguration configuration = new WaapiConfiguration();
        configuration.setApiKey("waapi_key");
        configuration.setApiSecret("secr_$ecret{1}");
        configuration.setWebhookVerifyToken("t0ken$");
        try (CamelContext context = context(configuration)) {
            LogCapture start = start(context, "waapi:webhook", "mock:events");
            assertThat(start.thrown()).isNull();
            assertThat(context.isStarted()).isTrue();
        }
    }

    /** As in application.properties when the environment variable is not set: Camel Main leaves ${...} as it is. */
    @Test
    void camelMainWithAnUnsetVerifyTokenVariableFailsToStart() {
        Main main = new Main();
        main.addInitialProperty("camel.component.waapi.webhook-verify-token", "${WAAPI_WEBHOOK_VERIFY_TOKEN}");
        main.addInitialProperty("camel.component.waapi.webhook-component-name", "http-stub");
        main.bind("http-stub", (RestConsumerFactory) (
                camelContext, processor, verb, basePath, uriTemplate, consumes, produces, configuration,
                parameters) -> new DefaultConsumer(camelContext.getEndpoint("mock:http"), processor));
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("waapi:webhook").to("mock:events");
            }
        });
        try {
            LogCapture start = LogCapture.of(main::start);
            assertFailsNaming(start, "camel.component.waapi.webhook-verify-token", "WAAPI_WEBHOOK_VERIFY_TOKEN");
        } finally {
            main.stop();
        }
    }
}
