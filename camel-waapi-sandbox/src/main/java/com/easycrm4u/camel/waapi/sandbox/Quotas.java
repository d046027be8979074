package com.easycrm4u.camel.waapi.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-key request quotas: sliding windows of a minute and of an hour. A request counts against both windows when it
 * is let through; a request over either answers 429 with the seconds until that window has room again.
 */
final class Quotas {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);

    private final Clock clock;
    private final Map<String, Deque<Instant>> used = new ConcurrentHashMap<>();

    Quotas(Clock clock) {
        this.clock = clock;
    }

    /** Counts the request against the key's quotas; throws 429 with {@code Retry-After} when one is used up. */
    void check(SandboxApiKey key) {
        int perMinute = key.getQuotaPerMinute();
        int perHour = key.getQuotaPerHour();
        if (perMinute <= 0 && perHour <= 0) {
            return;
        }
        Deque<Instant> requests = used.computeIfAbsent(key.getKey(), k -> new ArrayDeque<>());
        Instant now = clock.instant();
        synchronized (requests) {
            // the deque holds the last hour at most (or the last minute when there is no hourly quota)
            Duration kept = perHour > 0 ? HOUR : MINUTE;
            while (!requests.isEmpty() && !requests.peekFirst().plus(kept).isAfter(now)) {
                requests.pollFirst();
            }
            reject(requests, now, perMinute, MINUTE, "minute");
            reject(requests, now, perHour, HOUR, "hour");
            requests.addLast(now);
            // a request older than both windows is of no use any more; only the newest perHour (or perMinute) matter
            int keep = Math.max(perMinute, perHour);
            while (requests.size() > keep) {
                requests.pollFirst();
            }
        }
    }

    /** The use of a key's quotas now. */
    QuotaUsage usage(SandboxApiKey key) {
        Deque<Instant> requests = used.get(key.getKey());
        int lastMinute = 0;
        int lastHour = 0;
        if (requests != null) {
            Instant now = clock.instant();
            synchronized (requests) {
                for (Instant at : requests) {
                    lastMinute += at.plus(MINUTE).isAfter(now) ? 1 : 0;
                    lastHour += at.plus(HOUR).isAfter(now) ? 1 : 0;
                }
            }
        }
        return new QuotaUsage(key.getName(), key.getQuotaPerMinute(), lastMinute, key.getQuotaPerHour(), lastHour);
    }

    void clear() {
        used.clear();
    }

    private static void reject(Deque<Instant> requests, Instant now, int quota, Duration window, String unit) {
        if (quota <= 0 || requests.size() < quota) {
            return;
        }
        // the quota-th newest request is the one that must leave the window before another fits
        Instant oldestCounted = null;
        int seen = 0;
        for (var it = requests.descendingIterator(); it.hasNext() && seen < quota; seen++) {
            oldestCounted = it.next();
        }
        if (oldestCounted.plus(window).isAfter(now)) {
            Duration wait = Duration.between(now, oldestCounted.plus(window));
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw ApiError.rateLimited("Rate limit exceeded: this API key allows " + quota + " requests per " + unit,
                    seconds);
        }
    }
}
