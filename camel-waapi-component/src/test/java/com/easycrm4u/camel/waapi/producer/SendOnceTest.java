package com.easycrm4u.camel.waapi.producer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.WaapiEndpoint;
import com.easycrm4u.camel.waapi.WaapiException;
import com.easycrm4u.camel.waapi.WaapiOutcomeUnknownException;
import com.easycrm4u.camel.waapi.WaapiSendInFlightException;
import com.easycrm4u.camel.waapi.WaapiServerException;
import com.easycrm4u.camel.waapi.WaapiTestSupport;
import com.easycrm4u.camel.waapi.WaapiValidationException;
import com.easycrm4u.camel.waapi.internal.SendOnce;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A send with a send-once key ({@code CamelWaapiSendOnceKey}) reaches the API at most once: a second send of a sent key
 * is a duplicate, a send of a key in flight is refused as retryable, a key whose outcome is unknown stays refused until
 * it is cleared, and a send that failed without sending frees its key.
 */
class SendOnceTest extends WaapiTestSupport {

    private static final String TEXT_PATH = "/whatsapp-api/messages/text";
    private static final Map<String, Object> TEXT = Map.of("to", "917890000198", "fromPhoneNo", "+917890000199",
            "body", "Order SO-1005 has shipped.");
    private static final String SENT = "{\"success\": true, \"data\": {\"messageId\": \"wamid.ONCE\", \"status\": \"sent\"}}";
    private static final Map<String, Object> KEY = Map.of(WaapiConstants.SEND_ONCE_KEY, "order-SO-1005-shipped");

    @Test
    void theSameKeyTwiceIsOneCallAndTheSecondExchangeIsADuplicate() {
        stub(post(urlPathEqualTo(path(TEXT_PATH))), 200, SENT);
        String route = routeTo("waapi:cloud/text");

        Exchange first = template.send(route, e -> fill(e, TEXT, KEY));
        Exchange second = template.send(route, e -> fill(e, TEXT, KEY));

        assertThat(first.getException()).isNull();
        assertThat(first.getMessage().getHeader(WaapiConstants.MESSAGE_ID)).isEqualTo("wamid.ONCE");
        assertThat(first.getMessage().getHeader(WaapiConstants.DUPLICATE_SEND)).isNull();
        assertThat(second.getException()).isNull();
        assertThat(second.getMessage().getHeader(WaapiConstants.DUPLICATE_SEND)).isEqualTo(true);
        assertThat(second.getMessage().getHeader(WaapiConstants.MESSAGE_ID)).isNull();
        assertThat(second.getMessage().getBody()).as("the exchange goes on as it came").isEqualTo(TEXT);
        wireMock.verify(1, RequestPatternBuilder.allRequests());
    }

    @Test
    void aKeyIsOneMessageWhateverEndpointSendsIt() {
        stub(post(urlPathEqualTo(path(TEXT_PATH))), 200, SENT);

        send("waapi:cloud/text", TEXT, KEY);
        Exchange other = send("waapi:cloud/text?requestTimeout=4000", TEXT, KEY);

        assertThat(other.getMessage().getHeader(WaapiConstants.DUPLICATE_SEND)).isEqualTo(true);
        wireMock.verify(1, RequestPatternBuilder.allRequests());
    }

    /** The route fails after the send (a database commit, say) and its error handler runs the send route again. */
    @Test
    void aRedeliveryOfTheFailedRouteSendsOneMessage() throws Exception {
        stub(post(urlPathEqualTo(path(TEXT_PATH))), 200, SENT);
        AtomicInteger commits = new AtomicInteger();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(IllegalStateException.class).maximumRedeliveries(3).redeliveryDelay(0);
                from("direct:order").to("direct:ship");
                from("direct:ship").errorHandler(noErrorHandler())
                        .to("waapi:cloud/text")
                        .process(e -> {
                            if (commits.incrementAndGet() < 3) {
                                throw new IllegalStateException("the order database is down");
                            }
                        });
            }
        });

        Exchange exchange = template.send("direct:order", e -> fill(e, TEXT, KEY));

        assertThat(exchange.getException()).isNull();
        assertThat(commits).hasValue(3);
        assertThat(exchange.getMessage().getHeader(WaapiConstants.DUPLICATE_SEND)).isEqualTo(true);
        wireMock.verify(1, RequestPatternBuilder.allRequests());
    }

    @Test
    void aKeyInFlightIsRefusedAsRetryableWithoutACallAndSentOnceItsSendEnds() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        try (RawServer slow = RawServer.start(socket -> {
            try {
                answer.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answerOk(socket);
        })) {
            String route = routeTo(text(slow.port()));
            Future<Exchange> first = template.asyncSend(route, e -> fill(e, TEXT, KEY));
            await().until(() -> slow.requests() == 1);

            Exchange second = template.send(route, e -> fill(e, TEXT, KEY));

            assertThat(second.getException()).isExactlyInstanceOf(WaapiSendInFlightException.class)
                    .hasMessageContaining("'order-SO-1005-shipped'")
                    .hasMessageContaining("in flight elsewhere").hasMessageContaining("nothing was sent");
            assertThat(second.getException(WaapiException.class).isRetryable()).isTrue();
            assertThat(slow.requests()).isEqualTo(1);

            answer.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS).getException()).isNull();
            Exchange retry = template.send(route, e -> fill(e, TEXT, KEY));
            assertThat(retry.getException()).isNull();
            assertThat(retry.getMessage().getHeader(WaapiConstants.DUPLICATE_SEND)).isEqualTo(true);
            assertThat(slow.requests()).isEqualTo(1);
        }
    }

    @Test
    void anUnknownOutcomeIsRefusedWithoutACallUntilAnOperatorClearsTheKey() throws Exception {
        try (RawServer resetting = RawServer.start(SendOnceTest::reset)) {
            String uri = text(resetting.port());
            String route = routeTo(uri);

            Exchange first = template.send(route, e -> fill(e, TEXT, KEY));
            assertThat(first.getException()).isExactlyInstanceOf(WaapiOutcomeUnknownException.class);

            for (int i = 0; i < 3; i++) {
                Exchange again = template.send(route, e -> fill(e, TEXT, KEY));
                assertThat(again.getException()).isExactlyInstanceOf(WaapiOutcomeUnknownException.class)
                        .hasMessageContaining("'order-SO-1005-shipped' has an unknown outcome")
                        .hasMessageContaining("written and never answered")
                        .hasMessageContaining("nothing was sent").hasMessageContaining("clearSendOnceKey");
                assertThat(again.getException(WaapiException.class).isRetryable()).isFalse();
            }
            assertThat(resetting.requests()).isEqualTo(1);

            WaapiEndpoint endpoint = context.getEndpoint(uri, WaapiEndpoint.class);
            assertThat(endpoint.clearSendOnceKey("order-SO-1005-shipped")).isTrue();
            template.send(route, e -> fill(e, TEXT, KEY));
            assertThat(resetting.requests()).as("sent again once cleared").isEqualTo(2);
        }
    }

    @Test
    void theClaimOfASendWhoseNodeDiedReadsAsUnknownNeverAsFree() {
        stub(post(urlPathEqualTo(path(TEXT_PATH))), 200, SENT);
        MemoryIdempotentRepository shared = new MemoryIdempotentRepository();
        shared.start();
        context.getRegistry().bind("orders", shared);
        // a node claimed the key an hour ago and died before its send had an outcome
        long anHourAgo = System.currentTimeMillis() - Duration.ofHours(1).toMillis();
        new SendOnce(shared, Duration.ofMinutes(1), () -> anHourAgo).claim("order-SO-1005-shipped");

        Exchange exchange = send("waapi:cloud/text?sendOnceRepository=#orders&sendOnceClaimTimeout=60000", TEXT, KEY);

        assertThat(exchange.getException()).isExactlyInstanceOf(WaapiOutcomeUnknownException.class)
                .hasMessageContaining("did not finish within sendOnceClaimTimeout (60000 ms)")
                .hasMessageContaining("its node may have died");
        verifyNothingSent();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource({ "500, true", "429, true", "400, false" })
    void aSendTheApiDidNotTakeFreesItsKey(int status, boolean retryable) {
        wireMock.stubFor(post(urlPathEqualTo(path(TEXT_PATH))).inScenario("fails once").whenScenarioStateIs("Started")
                .willReturn(json(status, "{\"success\": false, \"error\": \"Server error — please retry\"}"))
                .willSetStateTo("answered"));
        wireMock.stubFor(post(urlPathEqualTo(path(TEXT_PATH))).inScenario("fails once").whenScenarioStateIs("answered")
                .willReturn(json(200, SENT)));
        String route = routeTo("waapi:cloud/text?rateLimitRetries=0");

        Exchange failed = template.send(route, e -> fill(e, TEXT, KEY));
        assertThat(failed.getException(WaapiException.class)).isNotNull();
        assertThat(failed.getException(WaapiException.class).isRetryable()).isEqualTo(retryable);
        if (status == 500) {
            assertThat(failed.getException()).isExactlyInstanceOf(WaapiServerException.class);
        }
        Exchange retry = template.send(route, e -> fill(e, TEXT, KEY));

        assertThat(retry.getException()).isNull();
        assertThat(retry.getMessage().getHeader(WaapiConstants.DUPLICATE_SEND)).isNull();
        assertThat(retry.getMessage().getHeader(WaapiConstants.MESSAGE_ID)).isEqualTo("wamid.ONCE");
        wireMock.verify(2, RequestPatternBuilder.allRequests());
    }

    @Test
    void withoutAKeyEverySendIsMade() {
        stub(post(urlPathEqualTo(path(TEXT_PATH))), 200, SENT);
        String route = routeTo("waapi:cloud/text");

        Exchange first = template.send(route, e -> fill(e, TEXT, Map.of()));
        Exchange second = template.send(route, e -> fill(e, TEXT, Map.of()));

        assertThat(first.getMessage().getHeader(WaapiConstants.DUPLICATE_SEND)).isNull();
        assertThat(second.getMessage().getHeader(WaapiConstants.DUPLICATE_SEND)).isNull();
        wireMock.verify(2, RequestPatternBuilder.allRequests());
    }

    @Test
    void pingAndContactsIgnoreTheKey() {
        stub(get(urlPathEqualTo(path("/ping"))), 200, "{\"success\": true, \"message\": \"pong\"}");
        stub(post(urlPathEqualTo(path("/contacts"))), 200, "{\"success\": true, \"data\": {}}");

        for (int i = 0; i < 2; i++) {
            assertThat(send("waapi:ping", null, KEY).getMessage().getHeader(WaapiConstants.DUPLICATE_SEND)).isNull();
            assertThat(send("waapi:contacts/upsert", Map.of("phoneNumber", "917890000198"), KEY).getException()).isNull();
        }

        wireMock.verify(2, RequestPatternBuilder.newRequestPattern().withUrl(path("/ping")));
        wireMock.verify(2, RequestPatternBuilder.allRequests().withUrl(path("/contacts")));
    }

    @Test
    void anEmptyKeyIsRefusedBeforeAnythingIsSent() {
        Exchange exchange = send("waapi:cloud/text", TEXT, Map.of(WaapiConstants.SEND_ONCE_KEY, ""));

        assertThat(exchange.getException()).isExactlyInstanceOf(WaapiValidationException.class)
                .hasMessageContaining("CamelWaapiSendOnceKey is empty");
        verifyNothingSent();
    }

    @Test
    void aKeyIsClearedOnlyOnAStartedSendEndpoint() {
        WaapiEndpoint ping = context.getEndpoint("waapi:ping", WaapiEndpoint.class);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ping.clearSendOnceKey("order-1")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("clear a send-once key on a started endpoint");
        WaapiEndpoint text = context.getEndpoint("waapi:cloud/text", WaapiEndpoint.class);
        assertThat(text.clearSendOnceKey("order-1")).as("an unknown key").isFalse();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> text.clearSendOnceKey("")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Name the send-once key to clear");
    }

    @Test
    void everyPathWithAKeyCompletesTheCallbackExactlyOnce() throws Exception {
        stub(post(urlPathEqualTo(path(TEXT_PATH))), 200, SENT);
        MemoryIdempotentRepository shared = new MemoryIdempotentRepository();
        shared.start();
        context.getRegistry().bind("orders", shared);
        // another node sends this key now
        new SendOnce(shared, Duration.ofMinutes(1)).claim("in-flight");
        AsyncProducer producer = context.getEndpoint("waapi:cloud/text?sendOnceRepository=#orders&sendOnceClaimTimeout=60000")
                .createAsyncProducer();
        producer.start();
        try {
            for (String key : new String[] { "order-1", "order-1", "in-flight" }) {
                Exchange exchange = new DefaultExchange(context);
                fill(exchange, TEXT, Map.of(WaapiConstants.SEND_ONCE_KEY, key));
                AtomicInteger calls = new AtomicInteger();
                producer.process(exchange, doneSync -> calls.incrementAndGet());
                await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(3)).until(() -> calls.get() == 1);
            }
        } finally {
            producer.stop();
        }
        wireMock.verify(1, RequestPatternBuilder.allRequests());
    }

    private static void fill(Exchange exchange, Object body, Map<String, Object> headers) {
        exchange.getMessage().setBody(body);
        exchange.getMessage().getHeaders().putAll(new HashMap<>(headers));
    }

    private static String text(int port) {
        return "waapi:cloud/text?baseUrl=http://127.0.0.1:" + port + BASE_PATH;
    }

    private static void answerOk(Socket socket) throws IOException {
        byte[] body = SENT.getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** Closes with a TCP reset (SO_LINGER 0) right after reading the request. */
    private static void reset(Socket socket) throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }
}
