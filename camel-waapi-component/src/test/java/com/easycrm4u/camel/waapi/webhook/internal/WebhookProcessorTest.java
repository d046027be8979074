package com.easycrm4u.camel.waapi.webhook.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.easycrm4u.camel.waapi.internal.metrics.WaapiMetrics;
import com.easycrm4u.camel.waapi.webhook.WebhookSignature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processor a host without a route of its own hands each request to, at the edges WebhookOnAnotherHostTest does not
 * reach through a Camel route: a route that reports an asynchronous completion before its process returns (the answer
 * is then given before the processor's process returns, and Camel is told so), and a delivery the consumer cannot make
 * an exchange for (answered 500, never left hanging).
 */
class WebhookProcessorTest {

    private static final String TOKEN = "t0ken";
    private static final byte[] BODY = WebhookTestSupport.payload("reference-text.json");

    private final CamelContext context = new DefaultCamelContext();
    private final InflightDeliveries inflight = new InflightDeliveries();
    private final List<Boolean> callbacks = new ArrayList<>();
    private final AsyncCallback callback = callbacks::add;

    @AfterEach
    void close() throws Exception {
        context.close();
    }

    private WebhookProcessor processor(AsyncProcessor route) {
        return processor(new DefaultConsumer(context.getEndpoint("mock:webhook"), route), route);
    }

    private WebhookProcessor processor(DefaultConsumer consumer, AsyncProcessor route) {
        MemoryIdempotentRepository repository = new MemoryIdempotentRepository();
        repository.start();
        inflight.setAccepting(true);
        WebhookAdmission admission = new WebhookAdmission(
                1024, true, inflight, new WebhookOutcomeRecorder(new WebhookRefusalLog("/waapi/webhook"), WaapiMetrics.NONE));
        return new WebhookProcessor(
                consumer, route,
                new WebhookProcessor.Settings("/waapi/webhook", true, List.of(TOKEN), Set.of(), true, new ObjectMapper()),
                admission, inflight, new WebhookDeduplicator(repository, "/waapi/webhook", Duration.ofMinutes(1)));
    }

    private Exchange signedDelivery() {
        Exchange http = new DefaultExchange(context);
        http.getMessage().setBody(BODY);
        http.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        http.getMessage().setHeader(WebhookSignature.HEADER, WebhookSignature.sign(BODY, TOKEN));
        return http;
    }

    private static int status(Exchange http) {
        return http.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
    }

    /** A route that completes as told: at once, or asynchronously but before its process returns. */
    private static AsyncProcessor route(boolean synchronous) {
        return new AsyncProcessorSupport() {
            @Override
            public boolean process(Exchange exchange, AsyncCallback done) {
                // legal either way: an asynchronous completion may come on any thread, before process returns
                done.done(synchronous);
                return synchronous;
            }
        };
    }

    @Test
    void anAsynchronousRouteThatCompletesBeforeItReturnsIsAnsweredSynchronously() {
        Exchange http = signedDelivery();

        assertThat(processor(route(false)).process(http, callback)).isTrue();

        assertThat(callbacks).containsExactly(true);
        assertThat(status(http)).isEqualTo(200);
    }

    @Test
    void aDeliveryThatCannotBeHandedToTheRouteIsAnswered500() {
        AsyncProcessor route = route(true);
        DefaultConsumer broken = new DefaultConsumer(context.getEndpoint("mock:webhook"), route) {
            @Override
            public Exchange createExchange(boolean autoRelease) {
                throw new IllegalStateException("no exchange");
            }
        };
        Exchange http = signedDelivery();

        assertThat(processor(broken, route).process(http, callback)).isTrue();

        assertThat(callbacks).containsExactly(true);
        assertThat(status(http)).isEqualTo(500);
        assertThat(inflight.count()).isZero();
    }
}
