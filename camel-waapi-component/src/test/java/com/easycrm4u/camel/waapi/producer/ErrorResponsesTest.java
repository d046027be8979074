package com.easycrm4u.camel.waapi.producer;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.easycrm4u.camel.waapi.WaapiAuthenticationException;
import com.easycrm4u.camel.waapi.WaapiConnectionException;
import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.WaapiException;
import com.easycrm4u.camel.waapi.WaapiNotFoundException;
import com.easycrm4u.camel.waapi.WaapiOutcomeUnknownException;
import com.easycrm4u.camel.waapi.WaapiPermissionException;
import com.easycrm4u.camel.waapi.WaapiRateLimitException;
import com.easycrm4u.camel.waapi.WaapiServerException;
import com.easycrm4u.camel.waapi.WaapiTestSupport;
import com.easycrm4u.camel.waapi.model.SendResult;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every documented error answer becomes the matching WaapiException; rate limiting, server errors and network failures
 * behave as the contract says, and the exchange always completes.
 */
class ErrorResponsesTest extends WaapiTestSupport {

    private static final String TEXT_PATH = "/whatsapp-api/messages/text";
    private static final Map<String, Object> TEXT = Map.of("to", "917890000198", "fromPhoneNo", "+917890000199",
            "body", "Hello from the WAAPI public API.");

    static Stream<Arguments> documentedErrors() {
        Map<String, Object> template = Map.of("to", "917890000198", "fromPhoneNo", "+917890000199", "name", "order_shipped",
                "language", "en");
        Map<String, Object> send = Map.of("to", "917890000198", "fromPhoneNo", "+917890000199", "type", "text",
                "payload", Map.of("body", "Hi"));
        Map<String, Object> update = Map.of("phoneNumber", "917890000198", "updates", Map.of("first_name", "Sayantan"));
        Map<String, Object> qrText = Map.of("to", "917890000198", "fromPhoneNo", "+917890000199", "body", "Hi");
        return Stream.of(
                arguments("ping", "GET", "/ping", null, 401,
                        "API key required (Authorization: Bearer <waapi_… key or JWT> or X-API-Key header)",
                        "message", WaapiAuthenticationException.class, null),
                arguments("ping", "GET", "/ping", null, 401, "API secret required (X-API-Secret header)", "message",
                        WaapiAuthenticationException.class, null),
                arguments("ping", "GET", "/ping", null, 401, "Invalid API secret", "message",
                        WaapiAuthenticationException.class, null),
                arguments("cloud/template", "POST", "/whatsapp-api/messages/template", template, 400,
                        "(#132001) Template name does not exist in the translation", "error", WaapiException.class, 132001),
                arguments("cloud/template", "POST", "/whatsapp-api/messages/template", template, 403,
                        "API key scope 'read' does not permit send actions", "message", WaapiPermissionException.class, null),
                arguments("cloud/text", "POST", TEXT_PATH, TEXT, 400,
                        "(#131047) Re-engagement message: outside 24h window — send a template instead", "error",
                        WaapiException.class, 131047),
                arguments("cloud/text", "POST", TEXT_PATH, TEXT, 400,
                        "(#131026) Recipient phone number does not have WhatsApp installed", "error", WaapiException.class,
                        131026),
                arguments("cloud/send", "POST", "/whatsapp-api/messages/send", send, 403,
                        "API key needs 'contacts.write' for combined send+upsert", "error", WaapiPermissionException.class,
                        null),
                arguments("cloud/send", "POST", "/whatsapp-api/messages/send", send, 400, "Unsupported type 'sticker-pack'",
                        "error", WaapiException.class, null),
                arguments("contacts/update", "PATCH", "/contacts", update, 404, "Contact not found", "error",
                        WaapiNotFoundException.class, null),
                arguments("contacts/update", "PATCH", "/contacts", update, 400, "No updatable fields provided", "error",
                        WaapiException.class, null),
                arguments("qr/text", "POST", "/whatsapp-qr/messages/text", qrText, 400,
                        "No connected WhatsApp QR session found. Connect a device first.", "error", WaapiException.class,
                        null),
                arguments("qr/text", "POST", "/whatsapp-qr/messages/text", qrText, 403,
                        "This API key is not authorized for the WhatsApp QR service", "message",
                        WaapiPermissionException.class, null));
    }

    @ParameterizedTest(name = "{0} HTTP {4}: {5}")
    @MethodSource("documentedErrors")
    void documentedErrorBecomesWaapiException(
            String operation, String method, String apiPath, Object body, int status, String apiMessage, String field,
            Class<? extends WaapiException> type, Integer metaCode) {
        String answer = "{\n\"success\": false,\n\"" + field + "\": \"" + apiMessage + "\"\n}";
        MappingBuilder mapping = switch (method) {
            case "GET" -> get(urlPathEqualTo(path(apiPath)));
            case "PATCH" -> patch(urlPathEqualTo(path(apiPath)));
            default -> post(urlPathEqualTo(path(apiPath)));
        };
        stub(mapping, status, answer);

        Exchange exchange = send("waapi:" + operation, body);

        assertThat(exchange.getException()).isExactlyInstanceOf(type);
        WaapiException e = (WaapiException) exchange.getException();
        assertThat(e.getStatusCode()).isEqualTo(status);
        assertThat(e.getApiMessage()).isEqualTo(apiMessage);
        assertThat(e.getMetaErrorCode()).isEqualTo(metaCode);
        assertThat(e.getResponseBody()).isEqualTo(answer);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getRetryAfter()).isEmpty();
        assertThat(e.getMessage()).contains(method + " " + apiPath).contains(String.valueOf(status)).contains(apiMessage);
        wireMock.verify(1, RequestPatternBuilder.allRequests());
    }

    @Test
    void rateLimitedCallIsRetriedAfterRetryAfterAndSucceeds() {
        wireMock.stubFor(post(urlPathEqualTo(path(TEXT_PATH))).inScenario("quota").whenScenarioStateIs(Scenario.STARTED)
                // 2 s, not the 1 s the backoff would wait without the header
                .willReturn(json(429, "{\"success\": false, \"error\": \"Too many requests\"}").withHeader("Retry-After", "2"))
                .willSetStateTo("cooled down"));
        wireMock.stubFor(post(urlPathEqualTo(path(TEXT_PATH))).inScenario("quota").whenScenarioStateIs("cooled down")
                .willReturn(
                        json(200, "{\"success\": true, \"data\": {\"messageId\": \"wamid.AFTER\", \"status\": \"sent\"}}")));

        long started = System.nanoTime();
        Exchange exchange = send("waapi:cloud/text", TEXT);
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(SendResult.class).getMessageId()).isEqualTo("wamid.AFTER");
        assertThat(exchange.getMessage().getHeader(WaapiConstants.MESSAGE_ID)).isEqualTo("wamid.AFTER");
        assertThat(elapsedMillis).as("waited for Retry-After").isGreaterThanOrEqualTo(1950);
        wireMock.verify(2, RequestPatternBuilder.allRequests());
    }

    @Test
    void rateLimitBeyondTheRetryBudgetFails() {
        String answer = "{\"success\": false, \"error\": \"Rate limit exceeded\"}";
        wireMock.stubFor(post(urlPathEqualTo(path(TEXT_PATH))).willReturn(json(429, answer).withHeader("Retry-After", "1")));

        Exchange exchange = send("waapi:cloud/text?rateLimitRetries=1", TEXT);

        assertThat(exchange.getException()).isExactlyInstanceOf(WaapiRateLimitException.class);
        WaapiRateLimitException e = (WaapiRateLimitException) exchange.getException();
        assertThat(e.getStatusCode()).isEqualTo(429);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getRetryAfter()).contains(Duration.ofSeconds(1));
        assertThat(e.getApiMessage()).isEqualTo("Rate limit exceeded");
        assertThat(e.getResponseBody()).isEqualTo(answer);
        wireMock.verify(2, RequestPatternBuilder.allRequests());
    }

    @Test
    void rateLimitAskingForMoreThanMaxRetryAfterFailsAtOnce() {
        wireMock.stubFor(post(urlPathEqualTo(path(TEXT_PATH)))
                .willReturn(json(429, "{\"success\": false, \"error\": \"slow down\"}").withHeader("Retry-After", "3600")));

        Exchange exchange = send("waapi:cloud/text?maxRetryAfter=2000", TEXT);

        assertThat(exchange.getException()).isExactlyInstanceOf(WaapiRateLimitException.class);
        assertThat(((WaapiException) exchange.getException()).getRetryAfter()).contains(Duration.ofHours(1));
        wireMock.verify(1, RequestPatternBuilder.allRequests());
    }

    @ParameterizedTest
    @ValueSource(ints = { 500, 503, 507, 408 })
    void serverErrorIsRetryableButNotResent(int status) {
        String answer = "{\"success\": false, \"message\": \"Internal error\"}";
        stub(post(urlPathEqualTo(path(TEXT_PATH))), status, answer);

        Exchange exchange = send("waapi:cloud/text", TEXT);

        assertThat(exchange.getException()).isExactlyInstanceOf(WaapiServerException.class);
        WaapiException e = (WaapiException) exchange.getException();
        assertThat(e.getStatusCode()).isEqualTo(status);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getApiMessage()).isEqualTo("Internal error");
        assertThat(e.getResponseBody()).isEqualTo(answer);
        wireMock.verify(1, RequestPatternBuilder.allRequests());
    }

    @Test
    void connectionRefusedCompletesTheExchange() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String uri = "waapi:cloud/text?baseUrl=http://127.0.0.1:" + closedPort + BASE_PATH;

        Exchange exchange = sendWithin(uri, Duration.ofSeconds(5));

        assertThat(exchange.getException()).isExactlyInstanceOf(WaapiConnectionException.class);
        WaapiException e = (WaapiException) exchange.getException();
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getStatusCode()).isZero();
        assertThat(e.getMessage()).contains("POST " + TEXT_PATH);
    }

    @Test
    void serverThatNeverAnswersTimesOut() throws Exception {
        wireMock.stubFor(post(urlPathEqualTo(path(TEXT_PATH)))
                .willReturn(json(200, "{\"success\": true, \"data\": {}}").withFixedDelay(5000)));

        // the answer would come after 5 s: an exchange completed within 3 s was ended by the timeout
        Exchange exchange = sendWithin("waapi:cloud/text?requestTimeout=300", Duration.ofSeconds(3));

        assertThat(exchange.getException()).isExactlyInstanceOf(WaapiOutcomeUnknownException.class);
        assertThat(((WaapiException) exchange.getException()).isRetryable()).as("the request was sent").isFalse();
        assertThat(exchange.getException().getMessage()).contains("300 ms");
        wireMock.verify(1, RequestPatternBuilder.allRequests());
    }

    @Test
    void routeRedeliversRetryableErrorsThenSucceeds() throws Exception {
        wireMock.stubFor(post(urlPathEqualTo(path(TEXT_PATH))).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(503, "{\"success\": false, \"message\": \"busy\"}")).willSetStateTo("up"));
        wireMock.stubFor(post(urlPathEqualTo(path(TEXT_PATH))).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(json(200,
                        "{\"success\": true, \"data\": {\"messageId\": \"wamid.REDELIVERED\", \"status\": \"sent\"}}")));
        addRedeliveringRoute();

        Exchange exchange = template.send("direct:redelivered", e -> e.getMessage().setBody(TEXT));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(WaapiConstants.MESSAGE_ID)).isEqualTo("wamid.REDELIVERED");
        assertThat(exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER)).isEqualTo(1);
        wireMock.verify(2, RequestPatternBuilder.allRequests());
    }

    @Test
    void routeDoesNotRedeliverNonRetryableErrors() throws Exception {
        stub(post(urlPathEqualTo(path(TEXT_PATH))), 400,
                "{\"success\": false, \"error\": \"(#131047) Re-engagement message: outside 24h window — send a template instead\"}");
        addRedeliveringRoute();

        Exchange exchange = template.send("direct:redelivered", e -> e.getMessage().setBody(TEXT));

        assertThat(exchange.getException()).isExactlyInstanceOf(WaapiException.class);
        assertThat(((WaapiException) exchange.getException()).getMetaErrorCode()).isEqualTo(131047);
        wireMock.verify(1, RequestPatternBuilder.allRequests());
    }

    @Test
    void successFalseInA2xxAnswerIsAnError() {
        String answer
                = "{\"success\": false, \"error\": \"(#131026) Recipient phone number does not have WhatsApp installed\"}";
        stub(post(urlPathEqualTo(path(TEXT_PATH))), 200, answer);

        Exchange exchange = send("waapi:cloud/text", TEXT);

        assertThat(exchange.getException()).isExactlyInstanceOf(WaapiException.class);
        WaapiException e = (WaapiException) exchange.getException();
        assertThat(e.getMetaErrorCode()).isEqualTo(131026);
        assertThat(e.getResponseBody()).isEqualTo(answer);
        assertThat(e.isRetryable()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = { 502, 504 })
    void aGatewayThatLostTheAnswerLeavesTheOutcomeUnknown(int status) {
        String html = "<html><body>" + status + " from the gateway</body></html>";
        wireMock.stubFor(post(urlPathEqualTo(path(TEXT_PATH)))
                .willReturn(aResponse().withStatus(status).withBody(html)));

        Exchange exchange = send("waapi:cloud/text", TEXT);

        assertThat(exchange.getException()).isExactlyInstanceOf(WaapiOutcomeUnknownException.class)
                .hasMessageContaining("delivery webhook");
        WaapiException e = (WaapiException) exchange.getException();
        assertThat(e.getStatusCode()).isEqualTo(status);
        assertThat(e.getApiMessage()).isNull();
        assertThat(e.getMetaErrorCode()).isNull();
        assertThat(e.getResponseBody()).isEqualTo(html);
        assertThat(e.isRetryable()).as("the API may have processed it").isFalse();
        wireMock.verify(1, RequestPatternBuilder.allRequests());
    }

    /**
     * What a CDN, load balancer or proxy in front of the API answers for it: none of it says whether the request
     * reached the API, so none of it may be sent again.
     */
    static Stream<Arguments> proxyAnswers() {
        Stream<Arguments> cloudflare = Stream.of(520, 521, 522, 523, 524, 525, 526, 527)
                .map(status -> arguments(status, "text/plain; charset=UTF-8", "error code: " + status));
        return Stream.concat(Stream.of(
                arguments(502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body><center>"
                                            + "<h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>"),
                arguments(503, "text/html", "<html><head><title>503 Service Temporarily Unavailable</title></head>"
                                            + "<body><h1>503 Service Temporarily Unavailable</h1></body></html>"),
                arguments(504, "text/html", "<html><body><h1>504 Gateway Time-out</h1></body></html>"),
                arguments(503, "text/plain", "upstream connect error or disconnect/reset before headers. reset reason:"
                                             + " connection termination"),
                arguments(500, "application/json", "{\"message\": \"Internal server error\"}"),
                arguments(500, "application/json", "{}"),
                arguments(503, "application/json", "[{\"success\": false}]"),
                arguments(500, "application/json", "{\"data\": {\"success\": false}}"),
                arguments(500, "application/json", "{\"success\": \"false\", \"error\": \"quoted\"}"),
                arguments(503, "text/plain", ""),
                // a gateway's status stays what it is even in the API's shape: the gateway lost the API's answer
                arguments(502, "application/json", "{\"success\": false, \"error\": \"Bad gateway\"}"),
                arguments(524, "application/json", "{\"success\": false, \"error\": \"A timeout occurred\"}")),
                cloudflare);
    }

    @ParameterizedTest(name = "HTTP {0} {1}: {2}")
    @MethodSource("proxyAnswers")
    void aFiveHundredThatIsNotTheApisOwnErrorLeavesTheOutcomeUnknown(int status, String type, String body) {
        wireMock.stubFor(post(urlPathEqualTo(path(TEXT_PATH)))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", type).withBody(body)));

        Exchange exchange = send("waapi:cloud/text", TEXT);

        assertThat(exchange.getException()).isExactlyInstanceOf(WaapiOutcomeUnknownException.class)
                .hasMessageContaining("answered HTTP " + status).hasMessageContaining("delivery webhook");
        WaapiException e = (WaapiException) exchange.getException();
        assertThat(e.isRetryable()).as("whether the API got the message is unknown").isFalse();
        assertThat(e.getStatusCode()).isEqualTo(status);
        assertThat(e.getResponseBody()).isEqualTo(body);
        wireMock.verify(1, RequestPatternBuilder.allRequests());
    }

    @Test
    void theApisOwnErrorIsKnownWhereverItsSuccessFieldStands() {
        String answer = "{\"error\": \"Internal server error\", \"requestId\": {\"id\": [1, 2]}, \"success\": false}";
        stub(post(urlPathEqualTo(path(TEXT_PATH))), 500, answer);

        Exchange exchange = send("waapi:cloud/text", TEXT);

        assertThat(exchange.getException()).isExactlyInstanceOf(WaapiServerException.class);
        assertThat(((WaapiException) exchange.getException()).isRetryable()).isTrue();
        assertThat(((WaapiException) exchange.getException()).getApiMessage()).isEqualTo("Internal server error");
    }

    @Test
    void aProxysTimeoutPageIsNotRedelivered() throws Exception {
        wireMock.stubFor(post(urlPathEqualTo(path(TEXT_PATH)))
                .willReturn(aResponse().withStatus(524).withBody("error code: 524")));
        addRedeliveringRoute();

        Exchange exchange = template.send("direct:redelivered", e -> e.getMessage().setBody(TEXT));

        assertThat(exchange.getException()).isExactlyInstanceOf(WaapiOutcomeUnknownException.class);
        wireMock.verify(1, RequestPatternBuilder.allRequests());
    }

    @Test
    void successAnswerThatIsNotJsonLeavesTheOutcomeUnknown() {
        wireMock.stubFor(post(urlPathEqualTo(path(TEXT_PATH)))
                .willReturn(aResponse().withStatus(200).withBody("OK")));

        Exchange exchange = send("waapi:cloud/text", TEXT);

        assertThat(exchange.getException()).isExactlyInstanceOf(WaapiOutcomeUnknownException.class)
                .hasMessageContaining("not JSON");
        assertThat(((WaapiException) exchange.getException()).getResponseBody()).isEqualTo("OK");
        assertThat(((WaapiException) exchange.getException()).isRetryable()).isFalse();
    }

    private void addRedeliveringRoute() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(WaapiException.class)
                        .onWhen(simple("${exception.retryable}"))
                        .maximumRedeliveries(3).redeliveryDelay(10);
                from("direct:redelivered").to("waapi:cloud/text");
            }
        });
    }

    /** Sends asynchronously and fails the test if the exchange does not complete in time: no hang. */
    private Exchange sendWithin(String uri, Duration limit) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:bounded").to(uri);
            }
        });
        CompletableFuture<Exchange> future = template.asyncSend("direct:bounded", e -> e.getMessage().setBody(TEXT));
        return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    }
}
