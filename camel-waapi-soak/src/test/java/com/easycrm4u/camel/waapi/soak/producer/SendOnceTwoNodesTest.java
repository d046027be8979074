package com.easycrm4u.camel.waapi.soak.producer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

import com.easycrm4u.camel.waapi.soak.webhook.HazelcastMembers;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.processor.idempotent.hazelcast.HazelcastIdempotentRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two-node proof of issue 22: two Camel contexts share camel-hazelcast's IdempotentRepository (two embedded members
 * over loopback TCP, multicast off) as their send-once repository, and race to send the same 1,000 keys, each key on
 * both nodes at once, with route redelivery on. The API receives exactly 1,000 calls: one node sends each key, the
 * other skips it as a duplicate.
 */
class SendOnceTwoNodesTest {

    private static final int KEYS = 1_000;

    @Test
    void twoNodesRacingForTheSameThousandKeysSendEachOnce() throws Exception {
        List<CamelContext> nodes = new ArrayList<>();
        // every answer a little late, so the two nodes' sends of a key overlap
        try (HazelcastMembers hazelcast = new HazelcastMembers(2);
             FaultServer api = FaultServer.start(FaultPlan.none(), 5)) {
            try {
                race(hazelcast, api, nodes);
            } finally {
                // before the members shut down
                nodes.forEach(CamelContext::stop);
            }
        }
    }

    private static void race(HazelcastMembers hazelcast, FaultServer api, List<CamelContext> nodes) throws Exception {
        for (int i = 0; i < 2; i++) {
            // the node that lost a key's race redelivers until the winner's send is done, up to 30 s on a busy machine
            CamelContext node = SendOnceRun.context(api.port(),
                    new HazelcastIdempotentRepository(hazelcast.member(i), "waapi-send-once"), 5_000, 300, 100);
            nodes.add(node);
            node.start();
        }
        List<AsyncProducer> producers = new ArrayList<>();
        for (CamelContext node : nodes) {
            AsyncProducer producer = node.getEndpoint("direct:send").createAsyncProducer();
            producer.start();
            producers.add(producer);
        }
        AtomicIntegerArray sent = new AtomicIntegerArray(KEYS);
        AtomicIntegerArray duplicates = new AtomicIntegerArray(KEYS);
        Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(2 * KEYS);
        Semaphore inFlight = new Semaphore(64);

        long started = System.nanoTime();
        for (int key = 0; key < KEYS; key++) {
            for (int n = 0; n < 2; n++) {
                inFlight.acquire();
                Exchange exchange = SendOnceRun.keyed(nodes.get(n), key);
                int k = key;
                producers.get(n).process(exchange, doneSync -> {
                    Exception failure = exchange.getException();
                    if (failure != null) {
                        failures.computeIfAbsent(failure.getClass().getSimpleName(), t -> new AtomicLong())
                                .incrementAndGet();
                    } else if (exchange.getMessage().getHeader(SendOnceRun.DUPLICATE_SEND, false, Boolean.class)) {
                        duplicates.incrementAndGet(k);
                    } else {
                        sent.incrementAndGet(k);
                    }
                    inFlight.release();
                    done.countDown();
                });
            }
        }

        assertThat(done.await(5, TimeUnit.MINUTES)).as("all %d exchanges completed", 2 * KEYS).isTrue();
        System.out.printf("two nodes sent %d keys in %d ms%n", KEYS,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        Map<String, Long> failed = new TreeMap<>();
        failures.forEach((type, count) -> failed.put(type, count.get()));
        assertThat(failed).as("failed exchanges").isEmpty();
        assertThat(api.ledger().snapshot().requests()).as("calls the API received").isEqualTo(KEYS);
        Ledger.PerMessage perKey = api.ledger().perMessage();
        assertThat(perKey.processed()).isEqualTo(KEYS);
        assertThat(perKey.maxProcessed()).isEqualTo(1);
        for (int key = 0; key < KEYS; key++) {
            assertThat(sent.get(key)).as("sends of key %d that called the API", key).isEqualTo(1);
            assertThat(duplicates.get(key)).as("sends of key %d skipped as duplicates", key).isEqualTo(1);
        }
    }
}
