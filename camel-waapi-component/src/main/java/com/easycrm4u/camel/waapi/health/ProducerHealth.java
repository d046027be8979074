package com.easycrm4u.camel.waapi.health;

import java.util.concurrent.atomic.AtomicInteger;

import com.easycrm4u.camel.waapi.metrics.CallOutcome;

/**
 * What the calls of one producer tell about its health, from the calls the routes make anyway: DOWN after
 * {@code failureThreshold} authentication or connection failures in a row, UP again after a success. Nothing calls the
 * API to find out: WAAPI's quotas are per minute.
 */
public final class ProducerHealth {

    private final int failureThreshold;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private volatile Throwable lastFailure;

    public ProducerHealth(int failureThreshold) {
        this.failureThreshold = Math.max(1, failureThreshold);
    }

    /** Takes note of how a call ended; a validation failure or an API refusal says nothing about health. */
    public void record(CallOutcome outcome, Throwable failure) {
        switch (outcome) {
            case SUCCESS -> {
                consecutiveFailures.set(0);
                lastFailure = null;
            }
            case UNAUTHORIZED, NOT_SENT, OUTCOME_UNKNOWN -> {
                lastFailure = failure;
                consecutiveFailures.incrementAndGet();
            }
            default -> {
                // the API answered: it is reachable and took the credentials
            }
        }
    }

    public boolean isDown() {
        return consecutiveFailures.get() >= failureThreshold;
    }

    public int getConsecutiveFailures() {
        return consecutiveFailures.get();
    }

    public int getFailureThreshold() {
        return failureThreshold;
    }

    /** The last authentication or connection failure since the last success; null when there is none. */
    public Throwable getLastFailure() {
        return lastFailure;
    }
}
