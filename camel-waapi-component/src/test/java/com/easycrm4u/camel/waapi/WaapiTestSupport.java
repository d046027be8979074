package com.easycrm4u.camel.waapi;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.easycrm4u.camel.waapi.internal.metrics.WaapiMetrics;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * One WireMock server on a random loopback port per test class, a fresh Camel context with a configured {@code waapi}
 * component per test, and helpers that send through a route. The server belongs to the class (kept in its JUnit store,
 * stopped when the class is done), not to a static field that all test classes would share.
 */
@ExtendWith(WaapiTestSupport.WireMockPerClass.class)
public abstract class WaapiTestSupport {

    public static final String API_KEY = "waapi_TEST_KEY_4711";
    public static final String API_SECRET = "secr_TEST_SECRET_0815";
    public static final String BASE_PATH = "/api/v1/external";

    protected WireMockServer wireMock;

    protected CamelContext context;
    protected ProducerTemplate template;
    private final AtomicInteger routes = new AtomicInteger();

    @BeforeEach
    void startCamel() throws Exception {
        wireMock.resetAll();
        context = new DefaultCamelContext();
        WaapiComponent waapi = new WaapiComponent();
        configure(waapi.getConfiguration());
        context.addComponent("waapi", waapi);
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stopCamel() {
        if (context != null) {
            context.stop();
        }
    }

    /** The component options of every test: base URL of the mock, credentials, short timeouts. */
    protected void configure(WaapiConfiguration configuration) {
        configuration.setBaseUrl(baseUrl());
        configuration.setApiKey(API_KEY);
        configuration.setApiSecret(API_SECRET);
        configuration.setConnectTimeout(2000);
        configuration.setRequestTimeout(5000);
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + wireMock.port() + BASE_PATH;
    }

    /** Sends the body and headers through a new route {@code direct -> endpointUri}; the exchange holds the outcome. */
    protected Exchange send(String endpointUri, Object body, Map<String, Object> headers) {
        return template.send(routeTo(endpointUri), exchange -> {
            exchange.getMessage().setBody(body);
            if (headers != null) {
                exchange.getMessage().getHeaders().putAll(headers);
            }
        });
    }

    /** Adds a route {@code direct -> endpointUri} and returns its direct URI. */
    protected String routeTo(String endpointUri) {
        String from = "direct:route" + routes.incrementAndGet();
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(from).to(endpointUri);
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return from;
    }

    protected Exchange send(String endpointUri, Object body) {
        return send(endpointUri, body, Map.of());
    }

    /** Stubs {@code method path} (below the base path) with a JSON answer. */
    protected void stub(MappingBuilder mapping, int status, String json) {
        wireMock.stubFor(mapping.willReturn(json(status, json)));
    }

    protected static ResponseDefinitionBuilder json(int status, String json) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(json);
    }

    /** The component's counters, which it keeps to itself (package-private). */
    protected static WaapiMetrics metricsOf(WaapiComponent component) {
        return component.getMetrics();
    }

    protected static String path(String path) {
        return BASE_PATH + path;
    }

    /**
     * Verifies exactly one request with auth headers, JSON content type and exactly this JSON body (no extra fields).
     */
    protected void verifyJsonRequest(String method, String path, String expectedJson) {
        RequestPatternBuilder pattern = switch (method) {
            case "POST" -> postRequestedFor(urlPathEqualTo(path(path)));
            case "PATCH" -> patchRequestedFor(urlPathEqualTo(path(path)));
            default -> throw new IllegalArgumentException(method);
        };
        wireMock.verify(1, authenticated(pattern)
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(expectedJson, false, false)));
        wireMock.verify(1, RequestPatternBuilder.allRequests());
    }

    protected void verifyGetRequest(String path) {
        wireMock.verify(1, authenticated(getRequestedFor(urlPathEqualTo(path(path)))));
        wireMock.verify(1, RequestPatternBuilder.allRequests());
    }

    protected static RequestPatternBuilder authenticated(RequestPatternBuilder pattern) {
        return pattern.withHeader("X-API-Key", equalTo(API_KEY)).withHeader("X-API-Secret", equalTo(API_SECRET));
    }

    protected void verifyNothingSent() {
        wireMock.verify(0, RequestPatternBuilder.allRequests());
    }

    /**
     * Starts the WireMock server of a test class before its first test, hands it to each test instance, stops it at the
     * end.
     */
    static final class WireMockPerClass implements BeforeAllCallback, TestInstancePostProcessor {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(WireMockPerClass.class);

        /** Stopped by JUnit when the class's store is closed. */
        private record Running(WireMockServer server) implements ExtensionContext.Store.CloseableResource {

            @Override
            public void close() {
                server.stop();
            }
        }

        @Override
        public void beforeAll(ExtensionContext context) {
            server(context);
        }

        @Override
        public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
            ((WaapiTestSupport) testInstance).wireMock = server(context);
        }

        private static WireMockServer server(ExtensionContext context) {
            return context.getStore(NAMESPACE).getOrComputeIfAbsent(context.getRequiredTestClass(), testClass -> {
                WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
                server.start();
                return new Running(server);
            }, Running.class).server();
        }
    }
}
