package com.easycrm4u.camel.waapi.producer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.WaapiException;
import com.easycrm4u.camel.waapi.WaapiOutcomeUnknownException;
import com.easycrm4u.camel.waapi.WaapiTestSupport;
import com.easycrm4u.camel.waapi.WaapiValidationException;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The producer is asynchronous: the caller's thread is not held during the call, and the callback completes exactly
 * once on every path.
 */
class AsyncProducerTest extends WaapiTestSupport {

    private static final String TEXT_PATH = "/whatsapp-api/messages/text";
    private static final Map<String, Object> TEXT = Map.of("to", "917890000198", "fromPhoneNo", "+917890000199",
            "body", "Hi");

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "success, 200, 0", "api error, 400, 0", "server error, 503, 0", "timeout, 200, 2000" })
    void callbackCompletesExactlyOnce(String path, int status, int delayMillis) throws Exception {
        wireMock.stubFor(post(urlPathEqualTo(path(TEXT_PATH))).willReturn(
                json(status,
                        status == 200
                                ? "{\"success\": true, \"data\": {\"messageId\": \"wamid.ONCE\", \"status\": \"sent\"}}"
                                : "{\"success\": false, \"error\": \"no\"}")
                        .withFixedDelay(delayMillis)));
        AsyncProducer producer = context.getEndpoint("waapi:cloud/text?requestTimeout=300").createAsyncProducer();
        producer.start();
        try {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody(TEXT);
            AtomicInteger calls = new AtomicInteger();

            boolean sync = producer.process(exchange, doneSync -> calls.incrementAndGet());

            assertThat(sync).as("the HTTP call does not complete on the caller's thread").isFalse();
            await().atMost(Duration.ofSeconds(3)).until(() -> calls.get() == 1);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1))
                    .until(() -> calls.get() == 1);
            if (status == 200 && delayMillis == 0) {
                assertThat(exchange.getException()).isNull();
                assertThat(exchange.getMessage().getHeader(WaapiConstants.MESSAGE_ID)).isEqualTo("wamid.ONCE");
            } else if (delayMillis > 0) {
                assertThat(exchange.getException()).isInstanceOf(WaapiOutcomeUnknownException.class);
            } else {
                assertThat(exchange.getException()).isInstanceOf(WaapiException.class);
            }
        } finally {
            producer.stop();
        }
    }

    @Test
    void validationFailureCompletesSynchronouslyOnce() throws Exception {
        AsyncProducer producer = context.getEndpoint("waapi:cloud/text").createAsyncProducer();
        producer.start();
        try {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody(Map.of("body", "Hi"));
            AtomicInteger calls = new AtomicInteger();
            List<Boolean> doneSyncValues = new ArrayList<>();

            boolean sync = producer.process(exchange, doneSync -> {
                calls.incrementAndGet();
                doneSyncValues.add(doneSync);
            });

            assertThat(sync).isTrue();
            assertThat(calls).hasValue(1);
            assertThat(doneSyncValues).containsExactly(true);
            assertThat(exchange.getException()).isInstanceOf(WaapiValidationException.class);
            verifyNothingSent();
        } finally {
            producer.stop();
        }
    }

    @Test
    void concurrentSendsAllComplete() throws Exception {
        wireMock.stubFor(post(urlPathEqualTo(path(TEXT_PATH))).willReturn(
                json(200, "{\"success\": true, \"data\": {\"messageId\": \"wamid.MANY\", \"status\": \"sent\"}}")
                        .withFixedDelay(100)));
        String route = routeTo("waapi:cloud/text");

        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sent.add(template.asyncSend(route, e -> e.getMessage().setBody(TEXT)));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        for (CompletableFuture<Exchange> future : sent) {
            Exchange exchange = future.get();
            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getHeader(WaapiConstants.MESSAGE_ID)).isEqualTo("wamid.MANY");
        }
        wireMock.verify(20, RequestPatternBuilder.allRequests());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "answered, 200", "API error, 400", "rate limited then answered, 429" })
    void theRouteContinuesOnTheComponentsCamelThreads(String name, int firstStatus) throws Exception {
        String answered = "{\"success\": true, \"data\": {\"messageId\": \"wamid.THREAD\", \"status\": \"sent\"}}";
        wireMock.stubFor(post(urlPathEqualTo(path(TEXT_PATH))).inScenario(name).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(firstStatus, firstStatus == 200 ? answered : "{\"success\": false, \"error\": \"no\"}"))
                .willSetStateTo("second"));
        wireMock.stubFor(post(urlPathEqualTo(path(TEXT_PATH))).inScenario(name).whenScenarioStateIs("second")
                .willReturn(json(200, answered)));
        String from = "direct:threads-" + firstStatus;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from)
                        .doTry().to("waapi:cloud/text").doCatch(WaapiException.class).end()
                        .process(e -> e.setProperty("continuedOn", Thread.currentThread().getName()));
            }
        });

        Exchange exchange = template.send(from, e -> e.getMessage().setBody(TEXT));

        // not java.net.http's completion pool (on two cores a new thread per response), nor its I/O threads
        assertThat(exchange.getProperty("continuedOn", String.class)).startsWith("Camel (").endsWith("WaapiWorker");
        assertThat(exchange.getMessage().getHeader(WaapiConstants.MESSAGE_ID))
                .isEqualTo(firstStatus == 400 ? null : "wamid.THREAD");
    }
}
