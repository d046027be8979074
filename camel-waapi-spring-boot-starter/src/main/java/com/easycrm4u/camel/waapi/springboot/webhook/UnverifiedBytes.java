package com.easycrm4u.camel.waapi.springboot.webhook;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of webhook bodies held before their signature is checked, across the concurrent requests of one
 * application, and their bound.
 */
final class UnverifiedBytes {

    private final long max;
    private final AtomicLong held = new AtomicLong();

    UnverifiedBytes(long max) {
        if (max <= 0) {
            throw new IllegalArgumentException("the bound of unverified webhook bytes must be positive, not " + max);
        }
        this.max = max;
    }

    /** Counts these bytes as held, unless that would take the total past the bound. */
    boolean tryHold(long bytes) {
        long now;
        do {
            now = held.get();
            if (now + bytes > max) {
                return false;
            }
        } while (!held.compareAndSet(now, now + bytes));
        return true;
    }

    void release(long bytes) {
        held.addAndGet(-bytes);
    }

    long held() {
        return held.get();
    }
}
