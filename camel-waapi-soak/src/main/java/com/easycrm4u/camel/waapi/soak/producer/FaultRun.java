package com.easycrm4u.camel.waapi.soak.producer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.easycrm4u.camel.waapi.WaapiComponent;
import com.easycrm4u.camel.waapi.WaapiConfiguration;
import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.WaapiException;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;

/**
 * The producer fault run of issue 10: sends messages through waapi:cloud/text and waapi:cloud/template, a fixed number
 * in flight, against a {@link FaultServer} that injects 5% HTTP 500, 2% 429 (half without Retry-After), 1% resets, 1%
 * requests never answered and a few answers far over the size cap. The routes redeliver only what {@code isRetryable()}
 * allows. Prints what completed, what the component sent again, what reached the customer twice, and the peak threads
 * and heap.
 * <p>
 * Run: {@code ./mvnw -B -ntp -pl camel-waapi-soak -am -DskipTests -Pfault-run verify} (see docs); arguments
 * {@code messages=100000 concurrency=64 requestTimeout=2000 seed=10}.
 */
public final class FaultRun {

    private final int messages;
    private final int concurrency;
    private final long requestTimeoutMillis;
    private final long seed;

    FaultRun(int messages, int concurrency, long requestTimeoutMillis, long seed) {
        this.messages = messages;
        this.concurrency = concurrency;
        this.requestTimeoutMillis = requestTimeoutMillis;
        this.seed = seed;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        FaultRun run = new FaultRun(
                Integer.parseInt(options.getOrDefault("messages", "100000")),
                Integer.parseInt(options.getOrDefault("concurrency", "64")),
                Long.parseLong(options.getOrDefault("requestTimeout", "2000")),
                Long.parseLong(options.getOrDefault("seed", "10")));
        FaultRunReport report = run.run();
        System.out.println(report.table());
        System.exit(report.holds() ? 0 : 1);
    }

    /** A run's {@code name=value} arguments. */
    static Map<String, String> options(String[] args) {
        Map<String, String> options = new ConcurrentHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq > 0) {
                options.put(arg.substring(0, eq), arg.substring(eq + 1));
            }
        }
        return options;
    }

    FaultRunReport run() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (FaultServer server = FaultServer.start(FaultPlan.issue10(seed), 0)) {
            CamelContext context = context(server.port());
            context.start();
            AsyncProducer text = context.getEndpoint("direct:text").createAsyncProducer();
            AsyncProducer template = context.getEndpoint("direct:template").createAsyncProducer();
            text.start();
            template.start();

            Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
            AtomicLong succeeded = new AtomicLong();
            AtomicLong redeliveries = new AtomicLong();
            AtomicLong retryWouldDuplicate = new AtomicLong();
            CountDownLatch done = new CountDownLatch(messages);
            Semaphore inFlight = new Semaphore(concurrency);
            AtomicLong peakHeap = new AtomicLong();
            Thread sampler = sampler(memory, peakHeap);
            threads.resetPeakThreadCount();
            long started = System.nanoTime();

            for (int i = 0; i < messages; i++) {
                inFlight.acquire();
                Exchange exchange = new DefaultExchange(context);
                String message = "soak-" + i;
                exchange.setProperty(MESSAGE, message);
                exchange.setProperty(TEMPLATE, i % 2 != 0);
                (i % 2 == 0 ? text : template).process(exchange, doneSync -> {
                    Integer counter = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class);
                    redeliveries.addAndGet(counter == null ? 0 : counter);
                    Exception failure = exchange.getException();
                    if (failure == null) {
                        succeeded.incrementAndGet();
                    } else {
                        failures.computeIfAbsent(failure.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
                        if (failure instanceof WaapiException && ((WaapiException) failure).isRetryable()
                                && server.ledger().timesProcessed(message) > 0) {
                            retryWouldDuplicate.incrementAndGet();
                        }
                    }
                    inFlight.release();
                    done.countDown();
                });
            }
            done.await(Math.max(5, messages / 500) + 10 * requestTimeoutMillis / 1000, TimeUnit.MINUTES);
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            sampler.interrupt();
            long pending = done.getCount();
            context.stop();
            return new FaultRunReport(
                    messages, concurrency, messages - pending, pending, succeeded.get(),
                    snapshot(failures), redeliveries.get(), retryWouldDuplicate.get(), server.ledger().snapshot(),
                    threads.getPeakThreadCount(), peakHeap.get(), Runtime.getRuntime().maxMemory(), elapsed);
        }
    }

    static final String MESSAGE = "soakMessage";
    static final String TEMPLATE = "soakTemplate";

    /** A waapi component that calls the stand-in of the API on {@code port}. */
    static WaapiComponent waapi(int port, long requestTimeoutMillis) {
        WaapiComponent waapi = new WaapiComponent();
        WaapiConfiguration configuration = waapi.getConfiguration();
        configuration.setBaseUrl("http://127.0.0.1:" + port + "/api/v1/external");
        configuration.setApiKey("waapi_SOAK_KEY");
        configuration.setApiSecret("secr_SOAK_SECRET");
        configuration.setFromPhoneNo("+917890000199");
        configuration.setConnectTimeout(5000);
        configuration.setRequestTimeout(requestTimeoutMillis);
        return waapi;
    }

    private CamelContext context(int port) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addComponent("waapi", waapi(port, requestTimeoutMillis));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // thousands of expected failures: counted in the table, not logged one by one
                errorHandler(defaultErrorHandler().logExhausted(false));
                // the recipe of the docs: redeliver what cannot reach the customer twice, nothing else
                onException(WaapiException.class)
                        .retryWhile(e -> e.getException(WaapiException.class).isRetryable()
                                && e.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class) <= 3)
                        .redeliveryDelay(50).logExhausted(false).logRetryAttempted(false)
                        .onRedelivery(FaultRun::body);
                from("direct:text").process(FaultRun::body).to("waapi:cloud/text");
                from("direct:template").process(FaultRun::body)
                        .to("waapi:cloud/template?templateName=order_shipped&language=en");
            }
        });
        return context;
    }

    /** The message's body, marked with its route attempt so the server tells a redelivery from a re-send. */
    private static void body(Exchange exchange) {
        String message = exchange.getProperty(MESSAGE, String.class);
        int attempt = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        String mark = message + "#" + attempt;
        exchange.getMessage().setHeader(WaapiConstants.TO, "917890000198");
        if (exchange.getProperty(TEMPLATE, false, Boolean.class)) {
            exchange.getMessage().setBody(List.of(mark, "AWB-" + attempt));
        } else {
            exchange.getMessage().setBody("Order " + mark + " has shipped.");
        }
    }

    private static Map<String, Long> snapshot(Map<String, AtomicLong> counts) {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    private static Thread sampler(MemoryMXBean memory, AtomicLong peakHeap) {
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fault-run-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        return sampler;
    }
}
