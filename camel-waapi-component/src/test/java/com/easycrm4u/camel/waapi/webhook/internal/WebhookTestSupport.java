package com.easycrm4u.camel.waapi.webhook.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.easycrm4u.camel.waapi.webhook.WebhookSignature;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs webhook routes on Camel Main with camel-platform-http-main (Vert.x) on a free loopback port, and posts to them
 * over real HTTP. Each test class has its own Main, port, repository and hook (one instance per class, no static
 * state), so classes may run in any order or side by side.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class WebhookTestSupport {

    /** The secret of the X-Hub-Signature-256 test vector. */
    public static final String TOKEN = "It's a Secret to Everybody";
    /** The verify token of a rotated-in API key, accepted beside {@link #TOKEN} on /waapi/rotated. */
    public static final String NEW_TOKEN = "the new key's token";
    public static final long MAX_BODY_SIZE = 65_536;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The repository of every test route, emptied before each test so that tests may send the same events. */
    protected final MemoryIdempotentRepository repository = new MemoryIdempotentRepository();

    protected Main main;
    protected CamelContext context;
    /** What the main route does with each exchange before the mock; tests replace it. */
    protected volatile Processor hook = exchange -> {
    };

    private int port;

    protected int port() {
        return port;
    }

    @BeforeAll
    void startMain() throws Exception {
        port = AvailablePortFinder.getNextAvailable();
        main = new Main();
        main.configure().httpServer().withEnabled(true).withHost("127.0.0.1").withPort(port);
        main.addInitialProperty("waapi.test.webhook-verify-token", TOKEN);
        main.bind("webhookRepository", repository);
        main.configure().withRoutesIncludePattern("classpath:routes/webhook-route.yaml");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                String signed = "&idempotentRepository=#webhookRepository&webhookVerifyToken=RAW(" + TOKEN + ")";
                from("waapi:webhook?maxBodySize=" + MAX_BODY_SIZE + signed).routeId("events")
                        .process(exchange -> hook.process(exchange))
                        .to("mock:events");
                from("waapi:webhook?path=/waapi/envelope&split=false" + signed).routeId("envelopes").to("mock:envelopes");
                from("waapi:webhook?path=/waapi/filtered&events=messages" + signed).routeId("filtered").to("mock:filtered");
                from("waapi:webhook?path=/waapi/unsigned&verifySignature=false&idempotentRepository=#webhookRepository")
                        .routeId("unsigned").to("mock:unsigned");
                from("waapi:webhook?path=/waapi/rotated&idempotentRepository=#webhookRepository&webhookVerifyToken=RAW("
                     + TOKEN + "," + NEW_TOKEN + ")").routeId("rotated").to("mock:rotated");
                // fresh consumers, so their refusal logs have not logged anything yet when a test looks at them
                from("waapi:webhook?path=/waapi/logged" + signed).routeId("logged").to("mock:logged");
                from("waapi:webhook?path=/waapi/flooded" + signed).routeId("flooded").to("mock:flooded");
            }
        });
        main.start();
        context = main.getCamelContext();
    }

    @AfterAll
    void stopMain() {
        if (main != null) {
            main.stop();
        }
    }

    @BeforeEach
    void resetRoutes() {
        hook = exchange -> {
        };
        MockEndpoint.resetMocks(context);
        repository.clear();
    }

    protected MockEndpoint mock(String name) {
        return context.getEndpoint("mock:" + name, MockEndpoint.class);
    }

    protected List<Exchange> received(String name) {
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
    protected HttpResponse<String> postSigned(String path, byte[] body) {
        return post(path, body, WebhookSignature.HEADER, WebhookSignature.sign(body, TOKEN), "X-WAAPI-Event", "messages",
                "X-WAAPI-Delivery", newDeliveryId());
    }

    /** The status, headers (lower-case names) and body of an answer read from a raw socket. */
    protected record RawResponse(int statusCode, Map<String, String> headers, String body) {
    }

    /**
     * Posts over a raw socket, for a request the server answers before reading its body: java.net.http waits for the
     * body to be taken, which a server that refuses it early never does.
     */
    protected RawResponse postRaw(String path, byte[] body, String... headerNamesAndValues) {
        StringBuilder head = new StringBuilder(
                "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                                               + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                                               + "\r\nConnection: close\r\n");
        for (int i = 0; i < headerNamesAndValues.length; i += 2) {
            head.append(headerNamesAndValues[i]).append(": ").append(headerNamesAndValues[i + 1]).append("\r\n");
        }
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            try {
                out.write(body);
                out.flush();
            } catch (IOException refusedEarly) {
                // the server answered and closed without the body; its answer is still to be read
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            int status = Integer.parseInt(in.readLine().substring(9, 12));
            Map<String, String> headers = new HashMap<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                headers.put(line.substring(0, line.indexOf(':')).toLowerCase(Locale.ROOT),
                        line.substring(line.indexOf(':') + 1).trim());
            }
            StringBuilder answer = new StringBuilder();
            int length = Integer.parseInt(headers.getOrDefault("content-length", "-1"));
            for (int c = in.read();
                 c >= 0 && (length < 0 || answer.length() < length);
                 c = answer.length() == length ? -1 : in.read()) {
                answer.append((char) c);
            }
            return new RawResponse(status, headers, answer.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected HttpResponse<String> post(String path, byte[] body, String... headerNamesAndValues) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headerNamesAndValues.length; i += 2) {
            request.setHeader(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
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
