package com.easycrm4u.camel.waapi.producer;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.easycrm4u.camel.waapi.WaapiComponent;
import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.WaapiException;
import com.easycrm4u.camel.waapi.WaapiOutcomeUnknownException;
import com.easycrm4u.camel.waapi.WaapiRateLimitException;
import com.easycrm4u.camel.waapi.WaapiTestSupport;
import com.easycrm4u.camel.waapi.model.SendResult;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How the producer reads the answers the API may give besides the documented ones: a 3xx, an error nested in an object,
 * an empty 2xx, a 429 with no Retry-After or one exactly at {@code maxRetryAfter}; and what it does with the request of
 * a call that timed out.
 */
class AnswerHandlingTest extends WaapiTestSupport {

    private static final String TEXT_PATH = "/whatsapp-api/messages/text";
    private static final Map<String, Object> TEXT = Map.of("to", "917890000198", "fromPhoneNo", "+917890000199",
            "body", "Hello");
    private static final String SENT = "{\"success\": true, \"data\": {\"messageId\": \"wamid.AFTER\", \"status\": \"sent\"}}";

    @ParameterizedTest
    @ValueSource(ints = { 300, 302, 304 })
    void aRedirectIsNotASuccessAndIsNotFollowed(int status) {
        wireMock.stubFor(post(urlPathEqualTo(path(TEXT_PATH))).willReturn(aResponse().withStatus(status)
                .withHeader("Location", "http://127.0.0.1:" + wireMock.port() + "/elsewhere")
                .withBody("{\"success\": true, \"data\": {\"messageId\": \"wamid.NOT\"}}")));

        Exchange exchange = send("waapi:cloud/text", TEXT);

        assertThat(exchange.getException()).isExactlyInstanceOf(WaapiException.class);
        WaapiException e = (WaapiException) exchange.getException();
        assertThat(e.getStatusCode()).isEqualTo(status);
        assertThat(e.getMessage()).startsWith("WAAPI POST " + TEXT_PATH + " answered HTTP " + status);
        assertThat(exchange.getMessage().getHeader(WaapiConstants.MESSAGE_ID)).isNull();
        wireMock.verify(1, RequestPatternBuilder.allRequests());
    }

    @Test
    void anErrorNestedInAnObjectGivesItsMessage() {
        String answer = "{\"success\": false, \"error\": {\"code\": 131026, \"message\": \"Recipient is not on WhatsApp\"}}";
        stub(post(urlPathEqualTo(path(TEXT_PATH))), 400, answer);

        WaapiException e = (WaapiException) send("waapi:cloud/text", TEXT).getException();

        assertThat(e.getApiMessage()).isEqualTo("Recipient is not on WhatsApp");
        assertThat(e.getMessage()).isEqualTo("WAAPI POST " + TEXT_PATH + " answered HTTP 400: Recipient is not on WhatsApp");
        assertThat(e.getResponseBody()).isEqualTo(answer);
    }

    @Test
    void anErrorObjectWithoutAMessageFallsBackToTheTopLevelMessage() {
        stub(post(urlPathEqualTo(path(TEXT_PATH))), 400, "{\"error\": {\"code\": 1}, \"message\": \"Bad recipient\"}");
        assertThat(((WaapiException) send("waapi:cloud/text", TEXT).getException()).getApiMessage()).isEqualTo("Bad recipient");

        stub(post(urlPathEqualTo(path(TEXT_PATH))), 400, "{\"error\": 42, \"message\": {\"text\": \"not a string\"}}");
        assertThat(((WaapiException) send("waapi:cloud/text", TEXT).getException()).getApiMessage()).isNull();
    }

    @Test
    void anEmptyErrorAnswerHasNoApiMessage() {
        wireMock.stubFor(post(urlPathEqualTo(path(TEXT_PATH))).willReturn(aResponse().withStatus(400)));

        WaapiException e = (WaapiException) send("waapi:cloud/text", TEXT).getException();

        assertThat(e.getStatusCode()).isEqualTo(400);
        assertThat(e.getApiMessage()).isNull();
        assertThat(e.getMessage()).isEqualTo("WAAPI POST " + TEXT_PATH + " answered HTTP 400");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " \t\r\n " })
    void anEmptySuccessAnswerCompletesWithoutAResult(String blank) {
        wireMock.stubFor(post(urlPathEqualTo(path(TEXT_PATH))).willReturn(aResponse().withStatus(200).withBody(blank)));

        Exchange exchange = send("waapi:cloud/text", TEXT);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody()).isNull();
        assertThat(exchange.getMessage().getHeader(WaapiConstants.MESSAGE_ID)).isNull();
        wireMock.verify(1, RequestPatternBuilder.allRequests());
    }

    @Test
    void anEmptySuccessAnswerToAListingIsAnEmptyList() {
        wireMock.stubFor(get(urlPathEqualTo(path("/whatsapp-qr/sessions"))).willReturn(aResponse().withStatus(200)));

        Exchange exchange = send("waapi:qr/sessions", null);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(List.class)).isEmpty();
    }

    @Test
    void aBaseUrlWithATrailingSlashReachesTheSamePath() {
        stub(post(urlPathEqualTo(path(TEXT_PATH))), 200, SENT);

        Exchange exchange = send("waapi:cloud/text?baseUrl=" + baseUrl() + "/", TEXT);

        assertThat(exchange.getException()).isNull();
        wireMock.verify(1, postRequestedFor(urlEqualTo(BASE_PATH + TEXT_PATH)));
    }

    @Test
    void aBaseUrlWithATrailingSlashReachesTheSamePathThroughTheUsersHttpClient() {
        stub(post(urlPathEqualTo(path(TEXT_PATH))), 200, SENT);
        context.getComponent("waapi", WaapiComponent.class).setHttpClient(HttpClient.newHttpClient());

        Exchange exchange = send("waapi:cloud/text?baseUrl=" + baseUrl() + "/", TEXT);

        assertThat(exchange.getException()).isNull();
        wireMock.verify(1, postRequestedFor(urlEqualTo(BASE_PATH + TEXT_PATH)));
    }

    @Test
    void aRetryAfterExactlyAtMaxRetryAfterIsWaitedFor() {
        wireMock.stubFor(post(urlPathEqualTo(path(TEXT_PATH))).inScenario("quota").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(429, "{\"success\": false, \"error\": \"Too many requests\"}").withHeader("Retry-After", "1"))
                .willSetStateTo("cooled down"));
        wireMock.stubFor(post(urlPathEqualTo(path(TEXT_PATH))).inScenario("quota").whenScenarioStateIs("cooled down")
                .willReturn(json(200, SENT)));

        Exchange exchange = send("waapi:cloud/text?maxRetryAfter=1000", TEXT);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(SendResult.class).getMessageId()).isEqualTo("wamid.AFTER");
        wireMock.verify(2, RequestPatternBuilder.allRequests());
    }

    @Test
    void aRateLimitWithoutRetryAfterIsSentAgainAfterTheBackoff() {
        wireMock.stubFor(post(urlPathEqualTo(path(TEXT_PATH))).inScenario("quota").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(429, "{\"success\": false, \"error\": \"Too many requests\"}")).willSetStateTo("cooled down"));
        wireMock.stubFor(post(urlPathEqualTo(path(TEXT_PATH))).inScenario("quota").whenScenarioStateIs("cooled down")
                .willReturn(json(200, SENT)));

        long started = System.nanoTime();
        Exchange exchange = send("waapi:cloud/text", TEXT);
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(exchange.getException()).isNull();
        assertThat(elapsedMillis).as("waited the first backoff, one second").isGreaterThanOrEqualTo(950);
        wireMock.verify(2, RequestPatternBuilder.allRequests());
    }

    @Test
    void aRateLimitWithoutRetryAfterBeyondTheBudgetHasNoRetryAfter() {
        stub(post(urlPathEqualTo(path(TEXT_PATH))), 429, "{\"success\": false, \"error\": \"Too many requests\"}");

        Exchange exchange = send("waapi:cloud/text?rateLimitRetries=0", TEXT);

        assertThat(exchange.getException()).isExactlyInstanceOf(WaapiRateLimitException.class);
        assertThat(((WaapiException) exchange.getException()).getRetryAfter()).isEmpty();
        wireMock.verify(1, RequestPatternBuilder.allRequests());
    }

    @Test
    void aCallThatTimedOutClosesItsConnection() throws Exception {
        assertTimedOutCallClosesItsConnection();
    }

    @Test
    void aCallThatTimedOutClosesItsConnectionThroughTheUsersHttpClient() throws Exception {
        context.getComponent("waapi", WaapiComponent.class).setHttpClient(HttpClient.newHttpClient());
        assertTimedOutCallClosesItsConnection();
    }

    /**
     * A server that reads the request, answers its status line, headers and the first byte of the body, and never the
     * rest: once the call timed out, the client must give up the request (its connection is closed), not keep reading.
     * Past the headers, only the call's own timer can end it: the JDK's request timeout ends with the headers.
     */
    private void assertTimedOutCallClosesItsConnection() throws Exception {
        AtomicBoolean closedByClient = new AtomicBoolean();
        CountDownLatch requestRead = new CountDownLatch(1);
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> server = CompletableFuture.runAsync(() -> {
                try (Socket socket = silent.accept(); InputStream in = socket.getInputStream()) {
                    StringBuilder request = new StringBuilder();
                    int b;
                    while ((b = in.read()) != -1) {
                        request.append((char) b);
                        if (requestRead.getCount() > 0 && request.toString().contains("Hello")) {
                            requestRead.countDown();
                            socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                                            + "Content-Length: 100\r\n\r\n{")
                                    .getBytes(StandardCharsets.US_ASCII));
                            socket.getOutputStream().flush();
                        }
                    }
                    closedByClient.set(true);
                } catch (Exception e) {
                    // a reset is also the client closing the connection
                    closedByClient.set(true);
                }
            });
            Exchange exchange = send("waapi:cloud/text?requestTimeout=300&baseUrl=http://127.0.0.1:" + silent.getLocalPort()
                                     + BASE_PATH,
                    TEXT);

            assertThat(requestRead.await(0, TimeUnit.SECONDS)).as("the request was sent whole").isTrue();
            assertThat(exchange.getException()).isExactlyInstanceOf(WaapiOutcomeUnknownException.class)
                    .hasMessageContaining("300 ms");
            await().atMost(Duration.ofSeconds(20)).untilTrue(closedByClient);
            server.get(5, TimeUnit.SECONDS);
        }
    }
}
