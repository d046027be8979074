package com.easycrm4u.camel.waapi.soak.webhook;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a run saw: every event sent, how often each was routed, and every answer the sender got.
 */
public final class SoakReport {

    private final Set<String> sent = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, AtomicInteger> routed = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> answers = new ConcurrentHashMap<>();
    private final LongAdder deliveries = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder replays = new LongAdder();
    private final LongAdder attempts = new LongAdder();
    private final LongAdder timeouts = new LongAdder();
    private final LongAdder networkFailures = new LongAdder();
    private final LongAdder signed4xx = new LongAdder();
    private final LongAdder gaveUp = new LongAdder();
    private volatile Duration wallTime = Duration.ZERO;
    private volatile String setUp = "";

    ConcurrentHashMap<String, AtomicInteger> routed() {
        return routed;
    }

    void sent(Iterable<String> eventKeys) {
        eventKeys.forEach(sent::add);
    }

    void delivery(boolean duplicate, boolean replay) {
        deliveries.increment();
        if (duplicate) {
            duplicates.increment();
        }
        if (replay) {
            replays.increment();
        }
    }

    void answer(int status) {
        attempts.increment();
        answers.computeIfAbsent(status, s -> new LongAdder()).increment();
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            signed4xx.increment();
        }
    }

    void timeout() {
        attempts.increment();
        timeouts.increment();
    }

    void networkFailure() {
        attempts.increment();
        networkFailures.increment();
    }

    void gaveUp() {
        gaveUp.increment();
    }

    void finished(Duration wallTime, String setUp) {
        this.wallTime = wallTime;
        this.setUp = setUp;
    }

    public long eventsSent() {
        return sent.size();
    }

    public long routedExactlyOnce() {
        return sent.stream().filter(key -> count(key) == 1).count();
    }

    public long lost() {
        return sent.stream().filter(key -> count(key) == 0).count();
    }

    public long routedTwice() {
        return sent.stream().filter(key -> count(key) > 1).count();
    }

    /** Signed deliveries answered 4xx other than 408 and 429 (which WAAPI retries). */
    public long signedAnswered4xx() {
        return signed4xx.sum();
    }

    /** Events routed that were never sent: none, unless the route counts something else. */
    public long routedUnknown() {
        return routed.keySet().stream().filter(key -> !sent.contains(key)).count();
    }

    /** Whether nothing was lost, nothing routed twice and no signed delivery answered 4xx. */
    public boolean exactlyOnce() {
        return lost() == 0 && routedTwice() == 0 && signedAnswered4xx() == 0 && routedUnknown() == 0;
    }

    private int count(String key) {
        AtomicInteger count = routed.get(key);
        return count == null ? 0 : count.get();
    }

    /** The table the run prints. */
    public String table() {
        StringBuilder table = new StringBuilder();
        table.append("| ").append(setUp).append(" | |\n|---|---:|\n");
        row(table, "events sent", eventsSent());
        row(table, "routed exactly once", routedExactlyOnce());
        row(table, "lost", lost());
        row(table, "routed twice or more", routedTwice());
        row(table, "signed deliveries answered 4xx", signedAnswered4xx());
        row(table, "deliveries (with duplicates and replays)", deliveries.sum());
        row(table, "duplicates sent (same bytes, same or new delivery id)", duplicates.sum());
        row(table, "replays sent (same bytes, new delivery id)", replays.sum());
        row(table, "HTTP attempts", attempts.sum());
        new TreeMap<>(answers).forEach((status, count) -> row(table, "answered " + status, count.sum()));
        row(table, "timeouts", timeouts.sum());
        row(table, "connection failures", networkFailures.sum());
        row(table, "deliveries given up by the sender", gaveUp.sum());
        table.append("| wall time | ").append(wallTime.toMillis() / 1000.0).append(" s |\n");
        return table.toString();
    }

    private static void row(StringBuilder table, String name, long value) {
        table.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }
}
