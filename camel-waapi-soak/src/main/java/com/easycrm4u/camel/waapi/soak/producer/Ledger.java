package com.easycrm4u.camel.waapi.soak.producer;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * What the fault server saw, per message and per attempt of the route: how often each arrived, how often it was
 * answered 429, and how often the message was processed. Only the server's thread writes; readers call
 * {@link #snapshot()}.
 */
final class Ledger {

    private final Map<String, int[]> attempts = new HashMap<>();
    private final Map<String, Integer> processed = new HashMap<>();
    private final Map<Fault, Integer> faults = new EnumMap<>(Fault.class);
    private long requests;

    /** A request of {@code message} (e.g. soak-42) in route attempt {@code attempt} met {@code fault}. */
    synchronized void record(String message, int attempt, Fault fault) {
        requests++;
        faults.merge(fault, 1, Integer::sum);
        if (message == null) {
            return;
        }
        int[] counts = attempts.computeIfAbsent(message + "#" + attempt, k -> new int[2]);
        counts[0]++;
        if (fault.rateLimited()) {
            counts[1]++;
        }
        if (fault.processed()) {
            processed.merge(message, 1, Integer::sum);
        }
    }

    /** How often the server processed {@code message} (sent it to WhatsApp). */
    synchronized int timesProcessed(String message) {
        return processed.getOrDefault(message, 0);
    }

    /**
     * Per message: the most requests of one message that reached the server, the most times one was processed, and how
     * many messages were processed once.
     */
    synchronized PerMessage perMessage() {
        Map<String, Integer> requestsOf = new HashMap<>();
        attempts.forEach((attempt, counts) -> requestsOf.merge(attempt.substring(0, attempt.indexOf('#')), counts[0],
                Integer::sum));
        int maxProcessed = processed.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        long processedOnce = processed.values().stream().filter(n -> n == 1).count();
        int maxRequests = requestsOf.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return new PerMessage(requestsOf.size(), maxRequests, processed.size(), processedOnce, maxProcessed);
    }

    /**
     * @param messages      messages of which at least one request reached the server
     * @param maxRequests   the most requests of one message (a 429 or an API 500 sent again is one more)
     * @param processed     messages processed at least once
     * @param processedOnce messages processed exactly once
     * @param maxProcessed  the most times one message was processed: the customer got it that often
     */
    record PerMessage(int messages, int maxRequests, int processed, long processedOnce, int maxProcessed) {
    }

    synchronized Snapshot snapshot() {
        long resentAfterRateLimit = 0;
        long resentOtherwise = 0;
        for (int[] counts : attempts.values()) {
            // the same route attempt arriving again is a re-send of the component: expected after a 429 only
            int again = counts[0] - 1;
            resentAfterRateLimit += Math.min(again, counts[1]);
            resentOtherwise += Math.max(0, again - counts[1]);
        }
        long processedTwice = processed.values().stream().filter(n -> n > 1).count();
        return new Snapshot(
                requests, resentAfterRateLimit, resentOtherwise, processed.size(), processedTwice,
                new EnumMap<>(faults));
    }

    /**
     * @param resentAfterRateLimit requests the component sent again after a 429
     * @param resentOtherwise      requests the component sent again for the same route attempt without a 429 before
     * @param processedTwice       messages the server processed more than once: the customer would see them twice
     */
    record Snapshot(long requests, long resentAfterRateLimit, long resentOtherwise, long processedMessages,
            long processedTwice, Map<Fault, Integer> faults) {

        int count(Fault fault) {
            return faults.getOrDefault(fault, 0);
        }
    }
}
