package com.easycrm4u.camel.waapi.benchmarks.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;

import com.easycrm4u.camel.waapi.WaapiComponent;
import com.easycrm4u.camel.waapi.WaapiEndpoint;
import com.easycrm4u.camel.waapi.benchmarks.webhook.Deliveries;
import com.easycrm4u.camel.waapi.webhook.WebhookEnvelopes;
import com.easycrm4u.camel.waapi.webhook.WebhookSignature;
import com.easycrm4u.camel.waapi.webhook.model.WebhookEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.RestConsumerFactory;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.DefaultExchange;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The webhook consumer's work per delivery that is not HTTP: a signed delivery of one inbound message, handed to the
 * consumer's processor as platform-http would hand it over (the body read), through the signature check, the parse, the
 * split into events, their keys and headers, the de-duplication claim and a route that does nothing; and the parts
 * alone: the signature check, and parse + split.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DeliveryBenchmark {

    /** More deliveries than the default repository remembers: each one is new when its turn comes again. */
    private static final int DELIVERIES = 20_000;

    private CamelContext context;
    private ObjectMapper mapper;
    private Processor webhook;
    private byte[][] bodies;
    private String[] signatures;
    private int next;

    @Setup(Level.Trial)
    public void start() throws Exception {
        context = new DefaultCamelContext();
        WaapiComponent waapi = new WaapiComponent();
        waapi.setWebhookComponentName("http-stub");
        waapi.getConfiguration().setWebhookVerifyToken(Deliveries.VERIFY_TOKEN);
        context.addComponent("waapi", waapi);
        // the HTTP server: keeps the processor the consumer registers, so a delivery can be handed to it directly
        context.getRegistry().bind("http-stub", (RestConsumerFactory) (
                camelContext, processor, verb, basePath, uriTemplate,
                consumes, produces, configuration, parameters) -> {
            webhook = processor;
            return new DefaultConsumer(camelContext.getEndpoint("direct:http"), processor);
        });
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("waapi:webhook").routeId("events").process(exchange -> {
                });
            }
        });
        context.start();
        mapper = context.getEndpoint("waapi:webhook", WaapiEndpoint.class).getObjectMapper();
        bodies = new byte[DELIVERIES][];
        signatures = new String[DELIVERIES];
        for (int i = 0; i < DELIVERIES; i++) {
            bodies[i] = Deliveries.body(i);
            signatures[i] = Deliveries.signature(bodies[i]);
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.stop();
    }

    @Benchmark
    public Object delivery() throws Exception {
        int i = next;
        next = (i + 1) % DELIVERIES;
        Exchange http = new DefaultExchange(context);
        http.getMessage().setBody(bodies[i]);
        http.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        http.getMessage().setHeader(WebhookSignature.HEADER, signatures[i]);
        http.getMessage().setHeader("X-WAAPI-Event", "messages");
        http.getMessage().setHeader("X-WAAPI-Delivery", "delivery-" + i);
        webhook.process(http);
        Object status = http.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE);
        if (!Integer.valueOf(200).equals(status)) {
            throw new IllegalStateException("the delivery was answered " + status + ": " + http.getMessage().getBody());
        }
        return status;
    }

    @Benchmark
    public boolean signatureCheck() {
        return WebhookSignature.verify(bodies[0], signatures[0], Deliveries.VERIFY_TOKEN);
    }

    @Benchmark
    public List<WebhookEvent> parseAndSplit() {
        return WebhookEnvelopes.split(WebhookEnvelopes.parse(bodies[0], mapper));
    }
}
