package com.easycrm4u.camel.waapi.webhook.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import com.easycrm4u.camel.waapi.webhook.WebhookSignature;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On Camel Main's Vert.x server, a body is read on the event loop: a sender that is slow to send its body holds no
 * worker thread, so with a single worker thread the deliveries of other senders are still routed meanwhile.
 */
class WebhookSlowBodyTest {

    private static final String TOKEN = WebhookTestSupport.TOKEN;

    private static Main main;
    private static Vertx vertx;
    private static int port;

    @BeforeAll
    static void startMain() throws Exception {
        port = AvailablePortFinder.getNextAvailable();
        vertx = Vertx.vertx(new VertxOptions().setWorkerPoolSize(1).setEventLoopPoolSize(1));
        main = new Main();
        main.bind("vertx", vertx);
        main.configure().httpServer().withEnabled(true).withHost("127.0.0.1").withPort(port);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("waapi:webhook?webhookVerifyToken=RAW(" + TOKEN + ")").routeId("events").to("mock:events");
            }
        });
        main.start();
    }

    @AfterAll
    static void stopMain() {
        if (main != null) {
            main.stop();
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    @Test
    void aSenderSlowToSendItsBodyHoldsNoWorkerThread() throws Exception {
        byte[] slow = WebhookTestSupport.payload("reference-text.json");
        byte[] other
                = new String(slow, StandardCharsets.UTF_8).replace("wamid.", "wamid.other.").getBytes(StandardCharsets.UTF_8);
        assertThat(other).isNotEqualTo(slow);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /waapi/webhook HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                       + "Content-Length: " + slow.length + "\r\n" + WebhookSignature.HEADER + ": "
                       + WebhookSignature.sign(slow, TOKEN) + "\r\nX-WAAPI-Event: messages\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            int half = slow.length / 2;
            out.write(slow, 0, half);
            out.flush();

            // the single worker thread is free: another sender's delivery is routed while the first body is incomplete
            HttpResponse<String> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/waapi/webhook"))
                            .timeout(Duration.ofSeconds(15))
                            .header("Content-Type", "application/json")
                            .header(WebhookSignature.HEADER, WebhookSignature.sign(other, TOKEN))
                            .header("X-WAAPI-Event", "messages")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(other)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);

            out.write(slow, half, slow.length - half);
            out.flush();
            assertThat(statusLine(socket.getInputStream())).isEqualTo("HTTP/1.1 200 OK");
        }
        MockEndpoint events = main.getCamelContext().getEndpoint("mock:events", MockEndpoint.class);
        assertThat(events.getReceivedExchanges()).hasSize(2);
    }

    private static String statusLine(InputStream in) throws IOException {
        byte[] line = new byte[64];
        int length = 0;
        for (int c = in.read(); c >= 0 && c != '\r' && length < line.length; c = in.read()) {
            line[length++] = (byte) c;
        }
        return new String(Arrays.copyOf(line, length), StandardCharsets.US_ASCII);
    }
}
