package com.easycrm4u.camel.waapi.webhook.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

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
 * The processor a host without a route of its own (platform-http's consumer on any engine) hands each request to: it
 * keeps Camel's AsyncProcessor contract whichever way the answer comes. process returns true exactly when the HTTP
 * exchange had its answer, and the callback was told so, before it returned; an answer that comes later (an
 * asynchronous route) is given with the callback's false. Every path ends with an answer and counts the request out of
 * flight.
 */
class WebhookProcessorTest {

    private static final String TOKEN = "t0ken";
    private static final byte[] BODY = ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{"
                                        + "\"field\":\"messages\",\"value\":{\"messages\":[{\"from\":\"917890000198\","
                                        + "\"id\":\"wamid.PROCESSOR\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}]}}]}]}")
            .getBytes(StandardCharsets.UTF_8);

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

    private Exchange request(Object body, String signature) {
        Exchange http = new DefaultExchange(context);
        http.getMessage().setBody(body);
        http.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        http.getMessage().setHeader(WebhookSignature.HEADER, signature);
        http.getMessage().setHeader("X-Request-Id", "echo?");
        return http;
    }

    private static int status(Exchange http) {
        return http.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
    }

    /** A route that completes as told: at once, before it returns false, or later from {@link #complete}. */
    private static final class Route extends AsyncProcessorSupport {

        enum Completion {
            SYNCHRONOUS,
            CALLBACK_BEFORE_RETURN,
            LATER
        }

        private final Completion completion;
        private final AtomicReference<AsyncCallback> pending = new AtomicReference<>();

        Route(Completion completion) {
            this.completion = completion;
        }

        @Override
        public boolean process(Exchange exchange, AsyncCallback done) {
            switch (completion) {
                case SYNCHRONOUS -> {
                    done.done(true);
                    return true;
                }
                case CALLBACK_BEFORE_RETURN -> {
                    // legal: the route completed asynchronously, on whatever thread, before its process returned
                    done.done(false);
                    return false;
                }
                default -> {
                    pending.set(done);
                    return false;
                }
            }
        }

        void complete() {
            pending.getAndSet(null).done(false);
        }
    }

    @Test
    void aDeliveryRoutedSynchronouslyIsAnsweredBeforeProcessReturns() {
        Exchange http = request(BODY, WebhookSignature.sign(BODY, TOKEN));

        assertThat(processor(new Route(Route.Completion.SYNCHRONOUS)).process(http, callback)).isTrue();

        assertThat(callbacks).containsExactly(true);
        assertThat(status(http)).isEqualTo(200);
        assertThat(http.getMessage().getHeaders()).as("no request header is echoed")
                .doesNotContainKeys("X-Request-Id", WebhookSignature.HEADER);
        assertThat(inflight.count()).isZero();
    }

    @Test
    void aDeliveryRoutedAsynchronouslyIsAnsweredThroughTheCallbackLater() {
        Route route = new Route(Route.Completion.LATER);
        Exchange http = request(BODY, WebhookSignature.sign(BODY, TOKEN));

        assertThat(processor(route).process(http, callback)).isFalse();
        assertThat(callbacks).isEmpty();
        assertThat(inflight.count()).isEqualTo(1);

        route.complete();

        assertThat(callbacks).containsExactly(false);
        assertThat(status(http)).isEqualTo(200);
        assertThat(inflight.count()).isZero();
    }

    @Test
    void anAsynchronousRouteThatCompletesBeforeItReturnsIsAnsweredSynchronously() {
        Exchange http = request(BODY, WebhookSignature.sign(BODY, TOKEN));

        assertThat(processor(new Route(Route.Completion.CALLBACK_BEFORE_RETURN)).process(http, callback)).isTrue();

        assertThat(callbacks).containsExactly(true);
        assertThat(status(http)).isEqualTo(200);
    }

    @Test
    void aForgedBodyIsAnsweredSynchronouslyWithoutRouting() {
        Route route = new Route(Route.Completion.LATER);
        Exchange http = request(BODY, WebhookSignature.sign("{}".getBytes(StandardCharsets.UTF_8), TOKEN));

        assertThat(processor(route).process(http, callback)).isTrue();

        assertThat(callbacks).containsExactly(true);
        assertThat(status(http)).isEqualTo(401);
        assertThat(route.pending).hasNullValue();
        assertThat(inflight.count()).isZero();
    }

    @Test
    void aRequestRefusedFromItsHeadersIsAnsweredSynchronously() {
        Exchange http = request(BODY, null);

        assertThat(processor(new Route(Route.Completion.LATER)).process(http, callback)).isTrue();

        assertThat(callbacks).containsExactly(true);
        assertThat(status(http)).isEqualTo(401);
        assertThat(inflight.count()).isZero();
    }

    @Test
    void aBodyThatCannotBeReadIsAnswered500Synchronously() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        Exchange http = request(broken, WebhookSignature.sign(BODY, TOKEN));

        assertThat(processor(new Route(Route.Completion.LATER)).process(http, callback)).isTrue();

        assertThat(callbacks).containsExactly(true);
        assertThat(status(http)).isEqualTo(500);
        assertThat(inflight.count()).isZero();
    }

    @Test
    void aDeliveryThatCannotBeHandedToTheRouteIsAnswered500() {
        Route route = new Route(Route.Completion.SYNCHRONOUS);
        DefaultConsumer broken = new DefaultConsumer(context.getEndpoint("mock:webhook"), route) {
            @Override
            public Exchange createExchange(boolean autoRelease) {
                throw new IllegalStateException("no exchange");
            }
        };
        Exchange http = request(BODY, WebhookSignature.sign(BODY, TOKEN));

        assertThat(processor(broken, route).process(http, callback)).isTrue();

        assertThat(callbacks).containsExactly(true);
        assertThat(status(http)).isEqualTo(500);
        assertThat(inflight.count()).isZero();
    }
}
