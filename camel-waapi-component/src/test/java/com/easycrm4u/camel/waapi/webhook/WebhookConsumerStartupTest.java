package com.easycrm4u.camel.waapi.webhook;

import com.easycrm4u.camel.waapi.WaapiComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.ComponentResolver;
import org.apache.camel.spi.RestConsumerFactory;
import org.apache.camel.support.DefaultConsumer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A webhook route that cannot be safe or cannot be served fails to start, saying what to do.
 */
class WebhookConsumerStartupTest {

    private static void startWithRoute(CamelContext context, String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).log("${body}");
            }
        });
        context.start();
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Test
    void verificationOnWithoutAVerifyTokenFailsTheRouteStart() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            assertThatThrownBy(() -> startWithRoute(context, "waapi:webhook"))
                    .satisfies(failure -> assertThat(rootCause(failure)).isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("webhookVerifyToken").hasMessageContaining("verifySignature=false"));
        }
    }

    @Test
    void verificationOffLogsAWarningAtStart() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            WaapiComponent waapi = new WaapiComponent();
            waapi.setWebhookComponentName("http-stub");
            context.addComponent("waapi", waapi);
            context.getRegistry().bind("http-stub", (RestConsumerFactory) (camelContext, processor, verb, basePath, uriTemplate,
                    consumes, produces, configuration, parameters) -> new DefaultConsumer(context.getEndpoint("mock:http"), processor));
            String log = StandardErrorCapture.capture(() -> startWithRoute(context, "waapi:webhook?verifySignature=false"));
            assertThat(log).contains("WARN").contains("does NOT verify X-Hub-Signature-256");
            assertThat(context.getRouteController().getRouteStatus(context.getRoutes().get(0).getRouteId()).isStarted()).isTrue();
        }
    }

    @Test
    void noHttpServerOnTheClasspathFailsTheRouteStartNamingTheDependency() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            // a context that only knows the waapi component, as if camel-platform-http were not on the classpath
            context.getCamelContextExtension().addContextPlugin(ComponentResolver.class,
                    (name, camelContext) -> "waapi".equals(name) ? new WaapiComponent() : null);
            assertThatThrownBy(() -> startWithRoute(context, "waapi:webhook?webhookVerifyToken=RAW(s3cret-token)"))
                    .satisfies(failure -> assertThat(rootCause(failure)).isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("camel-platform-http")
                            .hasMessageContaining("camel-platform-http-main")
                            .hasMessageContaining("camel-platform-http-starter")
                            .hasMessageContaining("camel-quarkus-platform-http")
                            .satisfies(cause -> assertThat(cause.getMessage()).doesNotContain("s3cret-token")));
        }
    }

    @Test
    void aNamedServerComponentThatDoesNotExistFailsTheRouteStart() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            WaapiComponent waapi = new WaapiComponent();
            waapi.setWebhookComponentName("no-such-http");
            context.addComponent("waapi", waapi);
            assertThatThrownBy(() -> startWithRoute(context, "waapi:webhook?webhookVerifyToken=t"))
                    .satisfies(failure -> assertThat(rootCause(failure)).hasMessageContaining("webhookComponentName 'no-such-http'"));
        }
    }

    @Test
    void aWebhookEndpointCannotSend() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            assertThatThrownBy(() -> context.createProducerTemplate().sendBody("waapi:webhook", "hi"))
                    .satisfies(failure -> assertThat(rootCause(failure)).hasMessageContaining("consumer"));
        }
    }
}
