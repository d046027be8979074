package com.easycrm4u.camel.waapi;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.easycrm4u.camel.waapi.model.PingResult;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import org.apache.camel.Exchange;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The transport options: TLS through Camel's {@code sslContextParameters} (component or global) against an HTTPS server
 * whose certificate only the test's trust store knows, and {@code connectTimeout}.
 */
class TransportOptionsTest extends WaapiTestSupport {

    private static final String TLS_PASSWORD = "test-only-password";

    private static WireMockServer https;

    @BeforeAll
    static void startHttpsServer() throws Exception {
        https = new WireMockServer(
                options().httpDisabled(true).dynamicHttpsPort().bindAddress("127.0.0.1")
                        .keystorePath(Path.of(TransportOptionsTest.class.getResource("/tls/server.p12").toURI()).toString())
                        .keystoreType("PKCS12").keystorePassword(TLS_PASSWORD).keyManagerPassword(TLS_PASSWORD));
        https.start();
    }

    @AfterAll
    static void stopHttpsServer() {
        https.stop();
    }

    @BeforeEach
    void answerPingOverHttps() {
        https.resetAll();
        https.stubFor(get(urlPathEqualTo(path("/ping"))).willReturn(
                json(200, "{\"success\": true, \"pong\": true, \"apiKeyName\": \"Over TLS\"}")));
    }

    @Test
    void httpsCallsTrustTheComponentsSslContextParameters() {
        waapi().setSslContextParameters(trustingTheTestServer());

        Exchange exchange = send(httpsPing(), null);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(PingResult.class).getApiKeyName()).isEqualTo("Over TLS");
        https.verify(1, RequestPatternBuilder.allRequests().withHeader("X-API-Key", equalTo(API_KEY)));
    }

    @Test
    void httpsCallsNegotiateHttp2ByAlpnOnBothTransports() throws Exception {
        waapi().setSslContextParameters(trustingTheTestServer());
        assertThat(send(httpsPing(), null).getException()).isNull();
        waapi().setHttpClient(HttpClient.newBuilder().sslContext(trustingTheTestServer().createSSLContext(context)).build());
        assertThat(send(httpsPing() + "&apiKey=waapi_JDK", null).getException()).isNull();

        assertThat(https.getAllServeEvents()).extracting(event -> event.getRequest().getProtocol())
                .containsExactly("HTTP/2.0", "HTTP/2.0");
    }

    @Test
    void httpsCallsTrustTheGlobalSslContextParametersWhenAskedTo() {
        context.setSSLContextParameters(trustingTheTestServer());
        waapi().setUseGlobalSslContextParameters(true);

        Exchange exchange = send(httpsPing(), null);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(PingResult.class).getApiKeyName()).isEqualTo("Over TLS");
    }

    @Test
    void withoutThemAnUnknownServerCertificateIsRefusedAndNothingIsSent() {
        context.setSSLContextParameters(trustingTheTestServer()); // not used: useGlobalSslContextParameters is off

        Exchange exchange = send(httpsPing(), null);

        assertThat(exchange.getException()).isInstanceOf(WaapiConnectionException.class)
                .hasMessageContaining("GET /ping")
                .hasMessageContaining("SSLHandshakeException");
        assertThat(exchange.getException(WaapiException.class).isRetryable()).isTrue();
        https.verify(0, RequestPatternBuilder.allRequests());
    }

    @Test
    void endpointsShareOneClientPerConnectTimeoutAndScheme() {
        stub(get(urlPathEqualTo(path("/ping"))), 200, "{\"success\": true, \"pong\": true}");
        waapi().setSslContextParameters(trustingTheTestServer());

        send("waapi:ping?connectTimeout=1500", null);
        send("waapi:ping?connectTimeout=1500&apiKey=waapi_OTHER", null);
        send("waapi:ping?connectTimeout=2500", null);
        send(httpsPing() + "&connectTimeout=1500", null);

        assertThat(waapi().vertxClients().clients()).containsOnlyKeys("1500/http", "2500/http", "1500/https");
    }

    @Test
    void aServerThatDoesNotAcceptConnectionsFailsWithinTheConnectTimeout() throws Exception {
        // a listening socket that never accepts: once its backlog is full the kernel leaves further SYNs unanswered
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> backlog = new ArrayList<>();
            try {
                boolean full = false;
                for (int i = 0; i < 8 && !full; i++) {
                    Socket socket = new Socket();
                    try {
                        socket.connect(silent.getLocalSocketAddress(), 200);
                        backlog.add(socket);
                    } catch (SocketTimeoutException unanswered) {
                        socket.close();
                        full = true;
                    }
                }
                assumeTrue(full, "this system answers connections beyond a listening socket's backlog");
                String uri = "waapi:ping?baseUrl=http://127.0.0.1:" + silent.getLocalPort() + BASE_PATH
                             + "&connectTimeout=300&requestTimeout=20000";

                long started = System.nanoTime();
                Exchange exchange = send(uri, null);
                long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

                assertThat(exchange.getException()).isInstanceOf(WaapiConnectionException.class)
                        .hasMessageContaining("within the connect timeout")
                        .cause().isInstanceOf(ConnectException.class).hasMessageContaining("timed out");
                assertThat(elapsedMillis).as("ended by the connect timeout, not the request timeout").isLessThan(10_000);
            } finally {
                for (Socket socket : backlog) {
                    socket.close();
                }
            }
        }
    }

    private WaapiComponent waapi() {
        return context.getComponent("waapi", WaapiComponent.class);
    }

    /**
     * The first HTTPS request of the JVM pays for the start of the whole TLS stack on both sides (trust managers,
     * cipher suites, Netty's SSL handler, ALPN, Jetty's SSL engine): 5 s on a saturated 2-core CI machine on Java 17,
     * 13-16 s on Java 25 (with or without its ML-KEM key exchange), so WaapiTestSupport's 5 s requestTimeout ended it
     * before the handshake did. These tests check trust and refusal, not speed: they wait as long as the default does.
     */
    private static String httpsPing() {
        return "waapi:ping?baseUrl=https://127.0.0.1:" + https.httpsPort() + BASE_PATH + "&requestTimeout="
               + WaapiConfiguration.DEFAULT_REQUEST_TIMEOUT;
    }

    private static SSLContextParameters trustingTheTestServer() {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource("classpath:tls/truststore.p12");
        trustStore.setType("PKCS12");
        trustStore.setPassword(TLS_PASSWORD);
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(trustStore);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trustManagers);
        return parameters;
    }
}
