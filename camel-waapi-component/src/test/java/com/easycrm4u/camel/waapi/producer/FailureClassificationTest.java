package com.easycrm4u.camel.waapi.producer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import com.easycrm4u.camel.waapi.WaapiComponent;
import com.easycrm4u.camel.waapi.WaapiConnectionException;
import com.easycrm4u.camel.waapi.WaapiException;
import com.easycrm4u.camel.waapi.WaapiOutcomeUnknownException;
import com.easycrm4u.camel.waapi.WaapiTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each transport failure on a real loopback socket, classified as never sent (retryable) or sent with an unknown
 * outcome (not retryable); a route that redelivers only {@code isRetryable()} never sends a message twice.
 */
class FailureClassificationTest extends WaapiTestSupport {

    private static final Map<String, Object> TEXT = Map.of("to", "917890000198", "fromPhoneNo", "+917890000199",
            "body", "Your order has shipped.");

    @Test
    void aRefusedConnectionWasNeverSentAndIsRetryable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        WaapiException e = failure(send(text("http://127.0.0.1:" + closedPort), TEXT));

        assertThat(e).isExactlyInstanceOf(WaapiConnectionException.class).hasMessageContaining("was not sent");
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getStatusCode()).isZero();
    }

    @Test
    void aServerThatReadsTheRequestAndNeverAnswersLeavesTheOutcomeUnknown() throws Exception {
        try (RawServer silent = RawServer.start(socket -> {
            // holds the connection open and says nothing
        })) {
            WaapiException e = failure(send(text("http://127.0.0.1:" + silent.port()) + "&requestTimeout=500", TEXT));

            assertThat(e).isExactlyInstanceOf(WaapiOutcomeUnknownException.class)
                    .hasMessageContaining("no answer within 500 ms")
                    .hasMessageContaining("delivery webhook");
            assertThat(e.isRetryable()).isFalse();
            assertThat(silent.requests()).as("the request did arrive").isEqualTo(1);
        }
    }

    @Test
    void aCallThatGetsNoFreeConnectionInTimeWasNeverSentAndIsRetryable() throws Exception {
        try (RawServer silent = RawServer.start(socket -> {
            // holds the one connection the pool may open
        })) {
            context.getComponent("waapi", WaapiComponent.class).setMaxConnections(1);
            // a connect timeout of their own: the two endpoints share a new client, and with it its one connection
            String root = text("http://127.0.0.1:" + silent.port()) + "&connectTimeout=4321";
            template.asyncSend(root + "&requestTimeout=20000", e -> e.getMessage().setBody(TEXT));
            await().until(() -> silent.requests() == 1);

            // over a second: the pool's own wait, which the call's timer must beat, ends a second after it
            Exchange waiting = template.send(root + "&requestTimeout=1500", e -> e.getMessage().setBody(TEXT));

            assertThat(waiting.getException()).isExactlyInstanceOf(WaapiConnectionException.class)
                    .hasMessageContaining("was not sent").hasMessageContaining("within 1500 ms (requestTimeout)");
            assertThat(waiting.getException(WaapiException.class).isRetryable()).isTrue();
            assertThat(silent.requests()).as("the waiting call never reached the server").isEqualTo(1);
        }
    }

    @Test
    void aConnectionResetAfterTheRequestLeavesTheOutcomeUnknown() throws Exception {
        try (RawServer resetting = RawServer.start(FailureClassificationTest::reset)) {
            WaapiException e = failure(send(text("http://127.0.0.1:" + resetting.port()), TEXT));

            assertThat(e).isExactlyInstanceOf(WaapiOutcomeUnknownException.class);
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.getStatusCode()).isZero();
            assertThat(resetting.requests()).isEqualTo(1);
        }
    }

    @Test
    void aTlsServerWithAnUnknownCertificateNeverGetsTheRequest() throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = getClass().getResourceAsStream("/tls/server.p12")) {
            keyStore.load(in, "test-only-password".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, "test-only-password".toCharArray());
        tls.init(keys.getKeyManagers(), null, null);
        AtomicInteger bytesAfterHandshake = new AtomicInteger();
        try (SSLServerSocket server = (SSLServerSocket) tls.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (SSLSocket socket = (SSLSocket) server.accept()) {
                    socket.startHandshake();
                    bytesAfterHandshake.addAndGet(socket.getInputStream().readAllBytes().length);
                } catch (IOException refusedByTheClient) {
                    // the client did not trust the certificate
                }
            }, "tls-server");
            acceptor.setDaemon(true);
            acceptor.start();

            WaapiException e = failure(send(text("https://127.0.0.1:" + server.getLocalPort()), TEXT));

            assertThat(e).isExactlyInstanceOf(WaapiConnectionException.class).hasMessageContaining("TLS handshake");
            assertThat(e.isRetryable()).isTrue();
            acceptor.join(5000);
            assertThat(bytesAfterHandshake).hasValue(0);
        }
    }

    @Test
    void theDocumentedRecipeNeverRedeliversAnUnknownOutcomeEvenAfterA500() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        try (RawServer server = RawServer.start(socket -> {
            if (requests.incrementAndGet() == 1) {
                String apiError = "{\"success\": false, \"error\": \"Internal server error\"}";
                socket.getOutputStream().write(("HTTP/1.1 500 Internal Server Error\r\nContent-Length: "
                                                + apiError.length() + "\r\nConnection: close\r\n\r\n" + apiError)
                        .getBytes(StandardCharsets.ISO_8859_1));
                socket.close();
            } else {
                reset(socket);
            }
        })) {
            String uri = text("http://127.0.0.1:" + server.port());
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // docs/waapi-component.md, "Retrying safely"
                    onException(WaapiException.class)
                            .retryWhile(exchange -> exchange.getException(WaapiException.class).isRetryable()
                                    && exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class) <= 5)
                            .redeliveryDelay(0);
                    from("direct:retrying").to(uri);
                }
            });

            Exchange exchange = template.send("direct:retrying", e -> e.getMessage().setBody(TEXT));

            assertThat(exchange.getException()).isExactlyInstanceOf(WaapiOutcomeUnknownException.class);
            assertThat(exchange.getException(WaapiException.class)).as("the last attempt's failure, not the 500")
                    .isSameAs(exchange.getException());
            assertThat(server.requests()).as("the 500 once, the reset once, never again").isEqualTo(2);
        }
    }

    private static String text(String root) {
        return "waapi:cloud/text?baseUrl=" + root + BASE_PATH;
    }

    private static WaapiException failure(Exchange exchange) {
        assertThat(exchange.getException()).isInstanceOf(WaapiException.class);
        return (WaapiException) exchange.getException();
    }

    /** Closes with a TCP reset (SO_LINGER 0) right after reading the request. */
    private static void reset(Socket socket) throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }
}
