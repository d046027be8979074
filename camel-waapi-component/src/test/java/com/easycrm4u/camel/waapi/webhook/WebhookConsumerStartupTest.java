package com.easycrm4u.camel.waapi.webhook;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.easycrm4u.camel.waapi.WaapiComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.ComponentResolver;
import org.apache.camel.spi.RestConsumerFactory;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /** A context whose waapi component registers its webhook paths on a stub HTTP server. */
    private static CamelContext withStubServer() {
        CamelContext context = new DefaultCamelContext();
        WaapiComponent waapi = new WaapiComponent();
        waapi.setWebhookComponentName("http-stub");
        context.addComponent("waapi", waapi);
        context.getRegistry().bind("http-stub", (RestConsumerFactory) (
                camelContext, processor, verb, basePath, uriTemplate,
                consumes, produces, configuration,
                parameters) -> new DefaultConsumer(context.getEndpoint("mock:http"), processor));
        return context;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "waapi:webhook?webhookVerifyToken=RAW(t0ken, )|POST /waapi/webhook (signature verification on, split=true, events=all)",
            "waapi:webhook?webhookVerifyToken=RAW(t0ken,n3w)&events=messages&split=false|POST /waapi/webhook (signature verification on with 2 verify tokens, split=false, events=messages)",
            "waapi:webhook?verifySignature=false&events=RAW( )|POST /waapi/webhook (signature verification OFF, split=true, events=all)" })
    void theStartSaysHowTheRouteReceives(String uri, String said) throws Exception {
        try (CamelContext context = withStubServer()) {
            String log = StandardErrorCapture.capture(() -> startWithRoute(context, uri));
            assertThat(log).contains("waapi:webhook receives deliveries on " + said);
        }
    }

    @Test
    void aMaxBodySizeOfZeroFailsTheRouteStart() throws Exception {
        try (CamelContext context = withStubServer()) {
            assertThatThrownBy(() -> startWithRoute(context, "waapi:webhook?webhookVerifyToken=t&maxBodySize=0"))
                    .satisfies(failure -> assertThat(rootCause(failure)).isInstanceOf(IllegalArgumentException.class)
                            .hasMessage("maxBodySize must be positive, was 0"));
        }
    }

    @Test
    void verificationOffLogsAWarningAtStart() throws Exception {
        try (CamelContext context = withStubServer()) {
            String log = StandardErrorCapture.capture(() -> startWithRoute(context, "waapi:webhook?verifySignature=false"));
            assertThat(log).contains("WARN").contains("does NOT verify X-Hub-Signature-256");
            assertThat(context.getRouteController().getRouteStatus(context.getRoutes().get(0).getRouteId()).isStarted())
                    .isTrue();
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
    void aPlatformHttpWithoutAServerFailsTheRouteStartNamingTheFixForEachHost() throws Exception {
        // camel-platform-http-main is on the test classpath: platform-http and its Vert.x engine, but no server started
        try (CamelContext context = new DefaultCamelContext()) {
            assertThatThrownBy(() -> startWithRoute(context, "waapi:webhook?webhookVerifyToken=RAW(s3cret-token)"))
                    .hasStackTraceContaining("No PlatformHttpEngine")
                    .hasStackTraceContaining("camel.server.enabled=true")
                    .hasStackTraceContaining("camel-platform-http-main")
                    .hasStackTraceContaining("VertxPlatformHttpServer")
                    .hasStackTraceContaining("camel-platform-http-starter")
                    .hasStackTraceContaining("camel-quarkus-platform-http")
                    .satisfies(failure -> assertThat(stackTrace(failure)).doesNotContain("s3cret-token"));
        }
    }

    @Test
    void aVertxPlatformHttpServerServiceLetsAPlainContextServeTheWebhook() throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        try (CamelContext context = new DefaultCamelContext()) {
            context.addService(new VertxPlatformHttpServer(server));
            startWithRoute(context, "waapi:webhook?webhookVerifyToken=RAW(t0ken)");
            byte[] body = "{\"event\":\"test\"}".getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/waapi/webhook"))
                            .header(WebhookSignature.HEADER, WebhookSignature.sign(body, "t0ken"))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    private static String stackTrace(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    @Test
    void aNamedServerComponentThatDoesNotExistFailsTheRouteStart() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            WaapiComponent waapi = new WaapiComponent();
            waapi.setWebhookComponentName("no-such-http");
            context.addComponent("waapi", waapi);
            assertThatThrownBy(() -> startWithRoute(context, "waapi:webhook?webhookVerifyToken=t"))
                    .satisfies(failure -> assertThat(rootCause(failure))
                            .hasMessageContaining("webhookComponentName 'no-such-http'"));
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
