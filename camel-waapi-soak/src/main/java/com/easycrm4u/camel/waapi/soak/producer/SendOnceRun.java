package com.easycrm4u.camel.waapi.soak.producer;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.WaapiException;
import com.easycrm4u.camel.waapi.WaapiOutcomeUnknownException;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

/**
 * The send-once run of issue 22: keyed sends through waapi:cloud/text against a {@link FaultServer} that injects the
 * API's own 500s, 429s, a proxy's 503, resets before the request is processed, after it and in the middle of the
 * answer, and requests never answered, with the route redelivering what {@code isRetryable()} allows. Every tenth send
 * repeats the key of a send a little earlier (still in flight, or done), as a producer replaying its outbox would.
 * Prints, per key, how often the server processed it (at most once, or the promise is broken), and the unknown outcomes
 * and the duplicates skipped.
 * <p>
 * Run: {@code ./mvnw -B -ntp -pl camel-waapi-soak -am -DskipTests -Psend-once-run verify} (see docs); arguments
 * {@code sends=100000 concurrency=64 requestTimeout=2000 seed=22}.
 *
 * @param sends                how many keyed sends
 * @param concurrency          how many are in flight at once
 * @param requestTimeoutMillis the producer's requestTimeout
 * @param seed                 the seed of the faults
 */
public record SendOnceRun(int sends, int concurrency, long requestTimeoutMillis, long seed) {

    /** {@code WaapiConstants.SEND_ONCE_KEY}: the business key of a send. */
    static final String SEND_ONCE_KEY = "CamelWaapiSendOnceKey";
    /** {@code WaapiConstants.DUPLICATE_SEND}: true on an exchange whose key was sent before. */
    static final String DUPLICATE_SEND = "CamelWaapiDuplicateSend";
    /** The bean name of the send-once repository in each context. */
    static final String REPOSITORY = "sendOnce";
    /**
     * Every REPLAY_EVERY-th send repeats the key of the send REPLAY_DISTANCE before it, which is no repeat itself:
     * within the sends in flight, so that the first may still be in flight, or done.
     */
    static final int REPLAY_EVERY = 10;
    static final int REPLAY_DISTANCE = 45;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = FaultRun.options(args);
        SendOnceRun run = new SendOnceRun(
                Integer.parseInt(options.getOrDefault("sends", "100000")),
                Integer.parseInt(options.getOrDefault("concurrency", "64")),
                Long.parseLong(options.getOrDefault("requestTimeout", "2000")),
                Long.parseLong(options.getOrDefault("seed", "22")));
        SendOnceRunReport report = run.run();
        System.out.println(report.table());
        System.exit(report.holds() ? 0 : 1);
    }

    /** The key of send {@code i}: its own number, or for every tenth send the key of a send a little earlier. */
    static int keyOf(int i) {
        return i % REPLAY_EVERY == REPLAY_EVERY - 1 && i >= REPLAY_DISTANCE ? i - REPLAY_DISTANCE : i;
    }

    SendOnceRunReport run() throws Exception {
        try (FaultServer server = FaultServer.start(FaultPlan.sendOnce(seed), 0)) {
            // every key and its states stay: an LRU that forgot a sent key would send it again
            IdempotentRepository repository = MemoryIdempotentRepository.memoryIdempotentRepository(10 * sends + 1000);
            CamelContext context = context(server.port(), repository, requestTimeoutMillis);
            context.start();
            AsyncProducer producer = context.getEndpoint("direct:send").createAsyncProducer();
            producer.start();

            AtomicIntegerArray sentPerKey = new AtomicIntegerArray(sends);
            AtomicIntegerArray duplicatesPerKey = new AtomicIntegerArray(sends);
            Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
            AtomicLong sent = new AtomicLong();
            AtomicLong duplicates = new AtomicLong();
            AtomicLong unknown = new AtomicLong();
            AtomicLong redeliveries = new AtomicLong();
            CountDownLatch done = new CountDownLatch(sends);
            Semaphore inFlight = new Semaphore(concurrency);
            long started = System.nanoTime();

            for (int i = 0; i < sends; i++) {
                inFlight.acquire();
                int key = keyOf(i);
                Exchange exchange = keyed(context, key);
                producer.process(exchange, doneSync -> {
                    redeliveries.addAndGet(exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class));
                    Exception failure = exchange.getException();
                    if (failure == null && exchange.getMessage().getHeader(DUPLICATE_SEND, false, Boolean.class)) {
                        duplicates.incrementAndGet();
                        duplicatesPerKey.incrementAndGet(key);
                    } else if (failure == null) {
                        sent.incrementAndGet();
                        sentPerKey.incrementAndGet(key);
                    } else {
                        if (failure instanceof WaapiOutcomeUnknownException) {
                            unknown.incrementAndGet();
                        } else {
                            failures.computeIfAbsent(failure.getClass().getSimpleName(), k -> new AtomicLong())
                                    .incrementAndGet();
                        }
                    }
                    inFlight.release();
                    done.countDown();
                });
            }
            done.await(Math.max(5, sends / 500) + 10 * requestTimeoutMillis / 1000, TimeUnit.MINUTES);
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            long pending = done.getCount();
            context.stop();

            long keys = 0;
            long sentTwice = 0;
            long duplicateOfUnsent = 0;
            for (int k = 0; k < sends; k++) {
                if (keyOf(k) != k) {
                    continue;
                }
                keys++;
                if (sentPerKey.get(k) > 1) {
                    sentTwice++;
                }
                // a key is marked sent only by a send that succeeded: a duplicate of any other is a lie
                if (duplicatesPerKey.get(k) > 0 && sentPerKey.get(k) != 1) {
                    duplicateOfUnsent++;
                }
            }
            Map<String, Long> failed = new TreeMap<>();
            failures.forEach((type, count) -> failed.put(type, count.get()));
            return new SendOnceRunReport(
                    sends, keys, concurrency, sends - pending, pending, sent.get(), duplicates.get(), unknown.get(),
                    failed, redeliveries.get(), sentTwice, duplicateOfUnsent, server.ledger().snapshot(),
                    server.ledger().perMessage(), elapsed);
        }
    }

    /** An exchange that sends the text of {@code key}, keyed by it; the server reads the key from the text. */
    static Exchange keyed(CamelContext context, int key) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setHeader(SEND_ONCE_KEY, "order-soak-" + key + "-shipped");
        exchange.getMessage().setHeader(WaapiConstants.TO, "917890000198");
        exchange.getMessage().setBody("Order soak-" + key + "#0 has shipped.");
        return exchange;
    }

    /**
     * A context whose route {@code direct:send} sends keyed texts to the API at {@code port} with {@code repository} as
     * the send-once repository, and redelivers what {@code isRetryable()} allows (a send in flight elsewhere among it)
     * up to 20 times, 50 ms apart.
     */
    static CamelContext context(int port, IdempotentRepository repository, long requestTimeoutMillis) throws Exception {
        return context(port, repository, requestTimeoutMillis, 20, 50);
    }

    static CamelContext context(
            int port, IdempotentRepository repository, long requestTimeoutMillis, int redeliveries, long redeliveryDelay)
            throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind(REPOSITORY, repository);
        context.addComponent("waapi", FaultRun.waapi(port, requestTimeoutMillis));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // thousands of expected failures: counted in the table, not logged one by one
                errorHandler(defaultErrorHandler().logExhausted(false));
                onException(WaapiException.class)
                        .retryWhile(e -> e.getException(WaapiException.class).isRetryable()
                                && e.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class) <= redeliveries)
                        .redeliveryDelay(redeliveryDelay).logExhausted(false).logRetryAttempted(false);
                from("direct:send").to("waapi:cloud/text?sendOnceRepository=#" + REPOSITORY);
            }
        });
        return context;
    }
}
