package com.easycrm4u.camel.waapi.soak.hostile;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

import com.easycrm4u.camel.waapi.soak.webhook.SoakDeliveries;

/**
 * The genuine sender of the hostile-load run: sends signed deliveries evenly spread over a time, each at its time
 * whatever became of the ones before (at most {@code concurrency} in flight), and retries as WAAPI does: 5xx, 408, 429,
 * timeouts and failed connections with exponential backoff (milliseconds here, with jitter), until acknowledged (2xx),
 * refused for good (another 4xx), or {@code giveUp} after its time. Records, per delivery, when it was due and when it
 * was acknowledged.
 */
final class GenuineSender {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);
    private static final long FIRST_BACKOFF_MILLIS = 50;
    private static final long LONGEST_BACKOFF_MILLIS = 2_000;

    private final URI webhook;
    private final List<SoakDeliveries.Delivery> deliveries;
    private final Duration giveUp;
    private final BooleanSupplier receiverAlive;
    private final ExecutorService senders;
    private final HttpClient client;
    /** Per delivery: nanos after the start when it was due, and when acknowledged (-1: not). */
    private final long[] due;
    private final AtomicLongArray acknowledged;
    private final Map<Integer, LongAdder> answers = new ConcurrentHashMap<>();
    private final LongAdder timeouts = new LongAdder();
    private final LongAdder connectionFailures = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder gaveUp = new LongAdder();

    GenuineSender(URI webhook, List<SoakDeliveries.Delivery> deliveries, int concurrency, Duration giveUp,
                  BooleanSupplier receiverAlive) {
        this.webhook = webhook;
        this.deliveries = deliveries;
        this.giveUp = giveUp;
        this.receiverAlive = receiverAlive;
        this.senders = Executors.newFixedThreadPool(concurrency);
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
                .build();
        this.due = new long[deliveries.size()];
        this.acknowledged = new AtomicLongArray(deliveries.size());
        for (int i = 0; i < deliveries.size(); i++) {
            acknowledged.set(i, -1);
        }
    }

    /**
     * Sends every delivery at its time, spread evenly over {@code spread} from {@code startNanos}, and returns once
     * each is acknowledged, refused or given up.
     */
    void run(long startNanos, Duration spread) throws InterruptedException {
        try {
            for (int i = 0; i < deliveries.size(); i++) {
                if (!receiverAlive.getAsBoolean()) {
                    // the receiver is gone: the rest are not sent, so not routed (lost)
                    gaveUp.add(deliveries.size() - i);
                    break;
                }
                due[i] = spread.toNanos() * i / deliveries.size();
                long wait = startNanos + due[i] - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                int number = i;
                senders.execute(() -> deliver(number, startNanos));
            }
            senders.shutdown();
            if (!senders.awaitTermination(spread.plus(giveUp).toSeconds() + 30, TimeUnit.SECONDS)) {
                senders.shutdownNow();
            }
        } finally {
            senders.shutdownNow();
        }
    }

    private void deliver(int number, long startNanos) {
        SoakDeliveries.Delivery delivery = deliveries.get(number);
        long deadline = startNanos + due[number] + giveUp.toNanos();
        String deliveryId = "dlv-hostile-" + number;
        long backoff = FIRST_BACKOFF_MILLIS;
        while (receiverAlive.getAsBoolean()) {
            HttpRequest request = delivery.request(webhook, ANSWER_TIMEOUT, deliveryId);
            try {
                int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                answers.computeIfAbsent(status, s -> new LongAdder()).increment();
                if (status >= 200 && status < 300) {
                    acknowledged.set(number, System.nanoTime() - startNanos);
                    return;
                }
                if (!SoakDeliveries.isSentAgain(status)) {
                    refused.increment();
                    return;
                }
            } catch (HttpTimeoutException e) {
                timeouts.increment();
            } catch (IOException e) {
                connectionFailures.increment();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long pause = backoff + ThreadLocalRandom.current().nextLong(backoff);
            if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pause) > deadline) {
                break;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            backoff = Math.min(LONGEST_BACKOFF_MILLIS, backoff * 2);
        }
        gaveUp.increment();
    }

    /** When each delivery was due, in nanos after the start. */
    long due(int number) {
        return due[number];
    }

    /** When it was acknowledged, in nanos after the start; -1 when it was not. */
    long acknowledged(int number) {
        return acknowledged.get(number);
    }

    int deliveries() {
        return deliveries.size();
    }

    Map<Integer, Long> answers() {
        Map<Integer, Long> counts = new TreeMap<>();
        answers.forEach((status, count) -> counts.put(status, count.sum()));
        return counts;
    }

    long timeouts() {
        return timeouts.sum();
    }

    long connectionFailures() {
        return connectionFailures.sum();
    }

    /** Signed deliveries answered a 4xx that WAAPI does not retry. */
    long refused() {
        return refused.sum();
    }

    long gaveUp() {
        return gaveUp.sum();
    }
}
