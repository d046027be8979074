package com.easycrm4u.camel.waapi.webhook.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.easycrm4u.camel.waapi.WaapiComponent;
import com.easycrm4u.camel.waapi.webhook.WebhookSignature;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockComponent;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.ComponentResolver;
import org.apache.camel.spi.RestConfiguration;
import org.apache.camel.spi.RestConsumerFactory;
import org.apache.camel.support.DefaultComponent;
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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "maxBodySize=0         | maxBodySize must be positive, was 0",
            "maxQueuedDeliveries=0 | maxQueuedDeliveries must be positive, was 0",
            "bodyReadTimeout=0     | bodyReadTimeout must be positive, was 0 ms" })
    void aLimitOfZeroFailsTheRouteStart(String option, String message) throws Exception {
        try (CamelContext context = withStubServer()) {
            assertThatThrownBy(() -> startWithRoute(context, "waapi:webhook?webhookVerifyToken=t&" + option))
                    .satisfies(failure -> assertThat(rootCause(failure)).isInstanceOf(IllegalArgumentException.class)
                            .hasMessage(message));
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
    void aNamedServerComponentThatDoesNotExistOrIsNoHttpServerFailsTheRouteStart() throws Exception {
        Map<String, String> problems = Map.of("no-such-http", "is not on the classpath", "mock", "is no RestConsumerFactory");
        for (Map.Entry<String, String> problem : problems.entrySet()) {
            try (CamelContext context = new DefaultCamelContext()) {
                serveWebhooksWith(context, problem.getKey());
                assertThatThrownBy(() -> startWithRoute(context, "waapi:webhook?webhookVerifyToken=t"))
                        .satisfies(failure -> assertThat(rootCause(failure)).isInstanceOf(IllegalArgumentException.class)
                                .hasMessage("webhookComponentName '" + problem.getKey() + "' " + problem.getValue()
                                            + ", so it cannot host waapi:webhook"));
            }
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

    /** An HTTP server component other than platform-http; it records the parameters of each registration. */
    static final class OtherHttpComponent extends DefaultComponent implements RestConsumerFactory {

        final List<Map<String, Object>> registrations = new ArrayList<>();
        final List<Consumer> consumers = new ArrayList<>();
        boolean failToStart;

        @Override
        protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
            throw new UnsupportedOperationException(uri);
        }

        @Override
        public Consumer createConsumer(
                CamelContext camelContext, Processor processor, String verb, String basePath, String uriTemplate,
                String consumes, String produces, RestConfiguration configuration, Map<String, Object> parameters) {
            registrations.add(Map.copyOf(parameters));
            Consumer consumer = new DefaultConsumer(camelContext.getEndpoint("mock:http"), processor) {
                @Override
                protected void doStart() throws Exception {
                    if (failToStart) {
                        throw new IllegalStateException("port in use");
                    }
                    super.doStart();
                }
            };
            consumers.add(consumer);
            return consumer;
        }
    }

    private static void serveWebhooksWith(CamelContext context, String webhookComponentName) {
        WaapiComponent waapi = new WaapiComponent();
        waapi.setWebhookComponentName(webhookComponentName);
        context.addComponent("waapi", waapi);
    }

    /** A context as if camel-platform-http were not on the classpath. */
    private static CamelContext withoutPlatformHttp() {
        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().addContextPlugin(ComponentResolver.class,
                (name, camelContext) -> switch (name) {
                    case "waapi" -> new WaapiComponent();
                    case "mock" -> new MockComponent();
                    default -> null;
                });
        return context;
    }

    @Test
    void withoutPlatformHttpTheSingleHttpServerInTheRegistryServesTheWebhookWithoutPlatformHttpParameters()
            throws Exception {
        try (CamelContext context = withoutPlatformHttp()) {
            OtherHttpComponent server = new OtherHttpComponent();
            context.getRegistry().bind("other-http", server);
            startWithRoute(context, "waapi:webhook?webhookVerifyToken=t");
            assertThat(server.registrations).containsExactly(Map.of());
            assertThat(WebhookHttpServer.resolve(context, null)).isSameAs(server);
        }
    }

    @Test
    void withoutPlatformHttpTheSingleHttpServerComponentServesTheWebhook() throws Exception {
        try (CamelContext context = withoutPlatformHttp()) {
            OtherHttpComponent server = new OtherHttpComponent();
            context.addComponent("other-http", server);
            startWithRoute(context, "waapi:webhook?webhookVerifyToken=t");
            assertThat(server.registrations).hasSize(1);
        }
    }

    @Test
    void withoutPlatformHttpTwoHttpServersFailTheRouteStartAskingToChooseOne() throws Exception {
        try (CamelContext context = withoutPlatformHttp()) {
            context.addComponent("one-http", new OtherHttpComponent());
            context.addComponent("other-http", new OtherHttpComponent());
            assertThatThrownBy(() -> startWithRoute(context, "waapi:webhook?webhookVerifyToken=t"))
                    .satisfies(failure -> assertThat(rootCause(failure)).isInstanceOf(IllegalStateException.class)
                            .hasMessage("waapi:webhook found 2 HTTP server components (RestConsumerFactory) and no "
                                        + "platform-http; choose one with the component option webhookComponentName "
                                        + "or with camel.rest.component"));
        }
    }

    @Test
    void theNamedComponentOrTheRestConfigurationsComponentServesTheWebhook() throws Exception {
        for (boolean named : new boolean[] { true, false }) {
            try (CamelContext context = new DefaultCamelContext()) {
                OtherHttpComponent server = new OtherHttpComponent();
                context.addComponent("other-http", server);
                if (named) {
                    serveWebhooksWith(context, "other-http");
                } else {
                    context.getRestConfiguration().setComponent("other-http");
                }
                startWithRoute(context, "waapi:webhook?webhookVerifyToken=t");
                // no platform-http parameter is passed on to another server
                assertThat(server.registrations).as("named: " + named).containsExactly(Map.of());
            }
        }
    }

    @Test
    void anHttpRegistrationThatFailsToStartIsShutDownAndFailsTheRouteStart() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            OtherHttpComponent server = new OtherHttpComponent();
            server.failToStart = true;
            context.addComponent("other-http", server);
            context.getRestConfiguration().setComponent("other-http");
            assertThatThrownBy(() -> startWithRoute(context, "waapi:webhook?webhookVerifyToken=t"))
                    .satisfies(failure -> assertThat(rootCause(failure)).hasMessage("port in use"))
                    .hasStackTraceContaining("waapi:webhook could not register POST /waapi/webhook on the HTTP server "
                                             + "(port in use)");
            assertThat(server.consumers).singleElement()
                    .satisfies(consumer -> assertThat(((DefaultConsumer) consumer).isShutdown()).isTrue());
        }
    }

    @Test
    void thePathIsServedBelowTheRestContextPath() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            assertThat(WebhookHttpServer.servedPath(context, "waapi/webhook/")).isEqualTo("/waapi/webhook");
            context.getRestConfiguration().setContextPath("/");
            assertThat(WebhookHttpServer.servedPath(context, "/waapi/webhook")).isEqualTo("/waapi/webhook");
            context.getRestConfiguration().setContextPath("api/");
            assertThat(WebhookHttpServer.servedPath(context, "/waapi/webhook")).isEqualTo("/api/waapi/webhook");
        }
    }
}
