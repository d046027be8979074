package com.easycrm4u.camel.waapi.internal.health;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.easycrm4u.camel.waapi.internal.metrics.CallOutcome;

/**
 * What the calls of one producer tell about its health, from the calls the routes make anyway: DOWN after
 * {@code failureThreshold} authentication or connection failures in a row, UP again after a success. Nothing calls the
 * API to find out: WAAPI's quotas are per minute.
 */
public final class ProducerHealth {

    private final int failureThreshold;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private volatile Throwable lastFailure;
    private final AtomicLong sendOnceUnknown = new AtomicLong();

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

    /**
     * A send with a send-once key was refused, or ended, with an unknown outcome: a key that waits for an operator. It
     * does not make the producer DOWN (the API may be fine), it is shown as a detail.
     */
    public void recordSendOnceUnknown() {
        sendOnceUnknown.incrementAndGet();
    }

    /** How many sends with a send-once key were refused or ended with an unknown outcome since the producer started. */
    public long getSendOnceUnknown() {
        return sendOnceUnknown.get();
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
