package com.easycrm4u.camel.waapi.sandbox;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults the sandbox injects into API requests, changeable at runtime from any thread: added latency, a share of
 * {@code 500} answers, a share of dropped connections (closed without an answer), and, for deterministic tests, the
 * next N requests failing, dropped or rate limited ({@code 429} without {@code Retry-After}). Introspection and
 * webhooks are not affected.
 */
public final class SandboxFaults {

    /** What happens to one request. */
    enum Fault {
        NONE,
        SERVER_ERROR,
        DROP_CONNECTION,
        RATE_LIMITED;

        /** Throws the answer of an injected error; nothing for {@link #NONE} (and a dropped connection). */
        void raise() {
            if (this == SERVER_ERROR) {
                throw ApiError.message(500, "Internal server error (injected by the WAAPI sandbox)");
            }
            if (this == RATE_LIMITED) {
                throw ApiError.message(429, "Too many requests (injected by the WAAPI sandbox)");
            }
        }
    }

    private volatile Duration latency = Duration.ZERO;
    private volatile double serverErrorRate;
    private volatile double dropRate;
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger dropNext = new AtomicInteger();
    private final AtomicInteger rateLimitNext = new AtomicInteger();
    private final Random random;

    SandboxFaults(long seed) {
        this.random = new Random(seed);
    }

    /** Every API answer is delayed by this much. */
    public SandboxFaults latency(Duration latency) {
        if (latency == null || latency.isNegative()) {
            throw new IllegalArgumentException("latency must be zero or positive");
        }
        this.latency = latency;
        return this;
    }

    /** This share of requests (0.0 to 1.0) answers {@code 500}. */
    public SandboxFaults serverErrorRate(double share) {
        this.serverErrorRate = checkShare(share);
        return this;
    }

    /** This share of requests (0.0 to 1.0) has its connection closed without an answer. */
    public SandboxFaults dropRate(double share) {
        this.dropRate = checkShare(share);
        return this;
    }

    /** The next {@code count} requests answer {@code 500}. */
    public SandboxFaults failNext(int count) {
        failNext.set(Math.max(0, count));
        return this;
    }

    /** The next {@code count} requests have their connection closed without an answer. */
    public SandboxFaults dropNext(int count) {
        dropNext.set(Math.max(0, count));
        return this;
    }

    /**
     * The next {@code count} requests answer {@code 429} without {@code Retry-After} (the reference does not promise
     * one), so a route can be tested against a rate limit that names no wait.
     */
    public SandboxFaults rateLimitNext(int count) {
        rateLimitNext.set(Math.max(0, count));
        return this;
    }

    /** No faults any more. */
    public SandboxFaults clear() {
        latency = Duration.ZERO;
        serverErrorRate = 0;
        dropRate = 0;
        failNext.set(0);
        dropNext.set(0);
        rateLimitNext.set(0);
        return this;
    }

    public Duration getLatency() {
        return latency;
    }

    public double getServerErrorRate() {
        return serverErrorRate;
    }

    public double getDropRate() {
        return dropRate;
    }

    /** How many of the next requests still answer {@code 500} ({@link #failNext}). */
    public int getFailNext() {
        return failNext.get();
    }

    /** How many of the next requests still have their connection dropped ({@link #dropNext}). */
    public int getDropNext() {
        return dropNext.get();
    }

    /** How many of the next requests still answer {@code 429} ({@link #rateLimitNext}). */
    public int getRateLimitNext() {
        return rateLimitNext.get();
    }

    Fault next() {
        if (decrementIfPositive(dropNext)) {
            return Fault.DROP_CONNECTION;
        }
        if (decrementIfPositive(failNext)) {
            return Fault.SERVER_ERROR;
        }
        if (decrementIfPositive(rateLimitNext)) {
            return Fault.RATE_LIMITED;
        }
        double drop = dropRate;
        double error = serverErrorRate;
        if (drop == 0 && error == 0) {
            return Fault.NONE;
        }
        double roll;
        synchronized (random) {
            roll = random.nextDouble();
        }
        if (roll < drop) {
            return Fault.DROP_CONNECTION;
        }
        return roll < drop + error ? Fault.SERVER_ERROR : Fault.NONE;
    }

    private static boolean decrementIfPositive(AtomicInteger counter) {
        return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    private static double checkShare(double share) {
        if (share < 0 || share > 1 || Double.isNaN(share)) {
            throw new IllegalArgumentException("a share must be between 0.0 and 1.0, not " + share);
        }
        return share;
    }

    @Override
    public String toString() {
        return "SandboxFaults[latency=" + latency + ", serverErrorRate=" + serverErrorRate + ", dropRate=" + dropRate
               + ", failNext=" + failNext + ", dropNext=" + dropNext + ", rateLimitNext=" + rateLimitNext + "]";
    }
}
