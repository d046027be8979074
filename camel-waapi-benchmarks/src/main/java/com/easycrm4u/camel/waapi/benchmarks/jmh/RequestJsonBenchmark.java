package com.easycrm4u.camel.waapi.benchmarks.jmh;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.easycrm4u.camel.waapi.WaapiComponent;
import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.WaapiEndpoint;
import com.easycrm4u.camel.waapi.client.WaapiClient;
import com.easycrm4u.camel.waapi.operation.OperationHandler;
import com.easycrm4u.camel.waapi.operation.WaapiUriPath;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
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
 * The producer's work per send that is not the network: the headers and body of an exchange to the request JSON (the
 * three send operations, as a route sets them), and the API's answer to the exchange's result body and headers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RequestJsonBenchmark {

    private static final byte[] SENT = ("{\"success\": true, \"data\": {\"messageId\": \"wamid.HBgMOTE3ODkwMDAwMTk4FQIAERgS\","
                                        + " \"status\": \"sent\", \"type\": \"text\"}}")
            .getBytes();
    private static final byte[] COMBINED_SENT
            = ("{\"success\": true, \"data\": {\"contact\": {\"id\": 42, \"phone\": \"917890000198\"},"
               + " \"message\": {\"messageId\": \"wamid.HBgMOTE3ODkwMDAwMTk4FQIAERgS\", \"status\": \"sent\"}}}")
                    .getBytes();

    private CamelContext context;
    private ObjectMapper mapper;
    private Send text;
    private Send template;
    private Send combined;

    @Setup(Level.Trial)
    public void start() throws Exception {
        context = new DefaultCamelContext();
        WaapiComponent waapi = new WaapiComponent();
        waapi.getConfiguration().setBaseUrl("http://127.0.0.1:9/api/v1/external");
        waapi.getConfiguration().setApiKey("waapi_BENCHMARK_KEY");
        waapi.getConfiguration().setFromPhoneNo("+917890000199");
        context.addComponent("waapi", waapi);
        context.start();
        text = new Send(context, "waapi:cloud/text", "Your order 4711 has shipped and arrives on Friday.", Map.of());
        template = new Send(
                context, "waapi:cloud/template?templateName=order_shipped&language=en",
                List.of("4711", "Friday"), Map.of());
        combined = new Send(
                context, "waapi:cloud/send?messageType=text&countryCode=91",
                "Your order 4711 has shipped and arrives on Friday.",
                Map.of(WaapiConstants.CONTACT, Map.of("first_name", "Sayantan", "last_name", "Kar")));
        mapper = text.endpoint.getObjectMapper();
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.stop();
    }

    @Benchmark
    public byte[] textRequest() throws IOException {
        return text.request(mapper);
    }

    @Benchmark
    public byte[] templateRequest() throws IOException {
        return template.request(mapper);
    }

    @Benchmark
    public byte[] combinedSendRequest() throws IOException {
        return combined.request(mapper);
    }

    @Benchmark
    public Object textAnswer() throws IOException {
        return text.answer(mapper, SENT);
    }

    @Benchmark
    public Object combinedSendAnswer() throws IOException {
        return combined.answer(mapper, COMBINED_SENT);
    }

    /** One operation with the exchange a route hands it: a body and the recipient header. */
    private static final class Send {

        private final WaapiEndpoint endpoint;
        private final OperationHandler operation;
        private final Exchange exchange;

        Send(CamelContext context, String uri, Object body, Map<String, Object> headers) {
            endpoint = context.getEndpoint(uri, WaapiEndpoint.class);
            operation = WaapiUriPath.fromUri(endpoint.getOperation()).handler();
            exchange = endpoint.createExchange();
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeader(WaapiConstants.TO, "917890000198");
            headers.forEach(exchange.getMessage()::setHeader);
        }

        byte[] request(ObjectMapper mapper) throws IOException {
            return mapper.writeValueAsBytes(operation.buildRequest(exchange, endpoint.getConfiguration(), mapper));
        }

        /** What the client and the operation do with a 2xx answer: check its success, read its result. */
        Object answer(ObjectMapper mapper, byte[] body) throws IOException {
            if (!Boolean.TRUE.equals(WaapiClient.successOf(mapper, body))) {
                throw new IllegalStateException("the benchmark's answer is no success");
            }
            operation.applyResult(exchange, body, mapper);
            return exchange.getMessage().getBody();
        }
    }
}
