package com.easycrm4u.camel.waapi.benchmarks.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;

import com.easycrm4u.camel.waapi.WaapiEndpoint;
import com.easycrm4u.camel.waapi.benchmarks.webhook.Deliveries;
import com.easycrm4u.camel.waapi.webhook.WebhookEnvelopes;
import com.easycrm4u.camel.waapi.webhook.WebhookSignature;
import com.easycrm4u.camel.waapi.webhook.model.WebhookEnvelope;
import com.easycrm4u.camel.waapi.webhook.model.WebhookEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
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
 * The webhook consumer's work per delivery that is not HTTP: the signature check, the parse into the typed envelope
 * and the split into events.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DeliveryBenchmark {

    private CamelContext context;
    private ObjectMapper mapper;
    private byte[] body;
    private String signature;

    @Setup(Level.Trial)
    public void sign() {
        context = new DefaultCamelContext();
        // the component's own mapper, as the consumer reads deliveries with it
        mapper = context.getEndpoint("waapi:webhook?webhookVerifyToken=" + Deliveries.VERIFY_TOKEN, WaapiEndpoint.class)
                .getObjectMapper();
        body = Deliveries.body(4711);
        signature = Deliveries.signature(body);
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.stop();
    }

    @Benchmark
    public boolean signatureCheck() {
        return WebhookSignature.verify(body, signature, Deliveries.VERIFY_TOKEN);
    }

    @Benchmark
    public List<WebhookEvent> checkParseAndSplit() {
        if (!WebhookSignature.verify(body, signature, Deliveries.VERIFY_TOKEN)) {
            throw new IllegalStateException("the benchmark's signature does not verify");
        }
        WebhookEnvelope envelope = WebhookEnvelopes.parse(body, mapper);
        return WebhookEnvelopes.split(envelope);
    }
}
