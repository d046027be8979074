package com.easycrm4u.camel.waapi.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Runs webhook routes on Camel Main with camel-platform-http-main (Vert.x) on a free loopback port, and posts to them
 * over real HTTP.
 */
public abstract class WebhookTestSupport {

    /** The secret of the X-Hub-Signature-256 test vector. */
    public static final String TOKEN = "It's a Secret to Everybody";
    public static final long MAX_BODY_SIZE = 65_536;

    protected static Main main;
    protected static CamelContext context;
    /** What the main route does with each exchange before the mock; tests replace it. */
    protected static volatile Processor hook = exchange -> {
    };

    private static int port;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startMain() throws Exception {
        port = AvailablePortFinder.getNextAvailable();
        main = new Main();
        main.configure().httpServer().withEnabled(true).withHost("127.0.0.1").withPort(port);
        main.addInitialProperty("waapi.test.webhook-verify-token", TOKEN);
        main.configure().withRoutesIncludePattern("classpath:routes/webhook-route.yaml");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("waapi:webhook?webhookVerifyToken=RAW(" + TOKEN + ")&maxBodySize=" + MAX_BODY_SIZE).routeId("events")
                        .process(exchange -> hook.process(exchange))
                        .to("mock:events");
                from("waapi:webhook?path=/waapi/envelope&split=false&webhookVerifyToken=RAW(" + TOKEN + ")")
                        .routeId("envelopes").to("mock:envelopes");
                from("waapi:webhook?path=/waapi/filtered&events=messages&webhookVerifyToken=RAW(" + TOKEN + ")")
                        .routeId("filtered").to("mock:filtered");
                from("waapi:webhook?path=/waapi/unsigned&verifySignature=false").routeId("unsigned").to("mock:unsigned");
            }
        });
        main.start();
        context = main.getCamelContext();
    }

    @AfterAll
    static void stopMain() {
        if (main != null) {
            main.stop();
        }
    }

    @BeforeEach
    void resetRoutes() {
        hook = exchange -> {
        };
        MockEndpoint.resetMocks(context);
    }

    protected static MockEndpoint mock(String name) {
        return context.getEndpoint("mock:" + name, MockEndpoint.class);
    }

    protected static List<Exchange> received(String name) {
        return mock(name).getReceivedExchanges();
    }

    protected static byte[] payload(String name) {
        try (InputStream in = WebhookTestSupport.class.getResourceAsStream("/webhook/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test payload " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static String newDeliveryId() {
        return "dlv-" + UUID.randomUUID();
    }

    /** Posts the body signed with {@link #TOKEN}, as event {@code messages} with a new delivery id. */
    protected static HttpResponse<String> postSigned(String path, byte[] body) {
        return post(path, body, WebhookSignature.HEADER, WebhookSignature.sign(body, TOKEN), "X-WAAPI-Event", "messages",
                "X-WAAPI-Delivery", newDeliveryId());
    }

    protected static HttpResponse<String> post(String path, byte[] body, String... headerNamesAndValues) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headerNamesAndValues.length; i += 2) {
            request.header(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
