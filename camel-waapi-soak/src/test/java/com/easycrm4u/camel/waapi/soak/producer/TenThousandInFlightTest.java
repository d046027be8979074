package com.easycrm4u.camel.waapi.soak.producer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.easycrm4u.camel.waapi.WaapiComponent;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 10,000 sends in flight at once against a sink that answers after a second, and a route whose continuation is slow
 * (held until every answer is in): the process's threads stay few (one per held continuation before the bounded pool),
 * and all 10,000 complete. The sink runs in a process of its own: one process may not open 20,000 sockets here.
 */
class TenThousandInFlightTest {

    private static final int SENDS = 10_000;
    /** Held in flight: the JVM, surefire, Camel, the worker pool and Vert.x's event loops (about 25). */
    private static final int SETTLED_BOUND = 50;
    /** At any moment (25 here with the Vert.x transport): far below one thread per send. */
    private static final int PEAK_BOUND = 1000;

    private Process sink;
    private CamelContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
        if (sink != null) {
            sink.destroy();
        }
    }

    @Test
    void tenThousandSendsInFlightKeepTheThreadsFew() throws Exception {
        int port = startSink(1000);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch completed = new CountDownLatch(SENDS);
        context = new DefaultCamelContext();
        WaapiComponent waapi = new WaapiComponent();
        waapi.getConfiguration().setBaseUrl("http://127.0.0.1:" + port + "/api/v1/external");
        waapi.getConfiguration().setApiKey("waapi_INFLIGHT_KEY");
        waapi.getConfiguration().setFromPhoneNo("+917890000199");
        waapi.getConfiguration().setConnectTimeout(60_000);
        waapi.getConfiguration().setRequestTimeout(120_000);
        // every send on a connection of its own, as a burst to a slow API would have it if the pool allowed
        waapi.setMaxConnections(SENDS);
        context.addComponent("waapi", waapi);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("waapi:cloud/text").process(e -> release.await(2, TimeUnit.MINUTES));
            }
        });
        context.start();
        AsyncProducer producer = context.getEndpoint("direct:send").createAsyncProducer();
        producer.start();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        threads.resetPeakThreadCount();

        for (int i = 0; i < SENDS; i++) {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody(Map.of("to", "917890000198", "body", "Order soak-" + i + "#0 has shipped."));
            producer.process(exchange, doneSync -> {
                if (exchange.getException() != null) {
                    failed.incrementAndGet();
                }
                completed.countDown();
            });
        }
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> answered(port) >= SENDS);
        // every answer is in; the continuations are held: wait until the thread count settles
        AtomicInteger last = new AtomicInteger(-1);
        await().atMost(Duration.ofMinutes(1)).during(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> last.getAndSet(threads.getThreadCount()) == threads.getThreadCount());
        int settled = threads.getThreadCount();
        int peak = threads.getPeakThreadCount();
        Thread.getAllStackTraces().keySet().stream()
                .collect(Collectors.groupingBy(t -> t.getName().replaceAll("\\d+", "#"), TreeMap::new, Collectors.counting()))
                .forEach((name, count) -> System.out.println("threads " + count + " x " + name));
        release.countDown();

        assertThat(completed.await(2, TimeUnit.MINUTES)).as("all %d sends completed", SENDS).isTrue();
        assertThat(failed).hasValue(0);
        System.out.println("threads with " + SENDS + " sends held in flight: " + settled + ", peak " + peak);
        assertThat(settled).as("threads while %d sends are held in flight", SENDS).isLessThan(SETTLED_BOUND);
        assertThat(peak).as("peak threads with %d sends in flight", SENDS).isLessThan(PEAK_BOUND);
    }

    private int startSink(long delayMillis) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        sink = new ProcessBuilder(
                java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), SlowSink.class.getName(),
                String.valueOf(delayMillis)).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(sink.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("PORT ")) {
                return Integer.parseInt(line.substring(5).trim());
            }
        }
        throw new IllegalStateException("the sink ended without telling its port");
    }

    /** Asks the sink how many it answered, on a plain connection: no client threads of its own. */
    private static long answered(int port) throws IOException {
        HttpURLConnection stats = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/stats").toURL()
                .openConnection();
        try (InputStream in = stats.getInputStream()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Long.parseLong(body.replaceAll(".*\"answered\": (\\d+).*", "$1").trim());
        } finally {
            stats.disconnect();
        }
    }
}
