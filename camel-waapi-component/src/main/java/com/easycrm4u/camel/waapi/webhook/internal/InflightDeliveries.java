package com.easycrm4u.camel.waapi.webhook.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether a webhook consumer accepts deliveries, and how many it is handling: a stop waits for these to finish (and to
 * update the idempotent repository) before anything else stops, while new deliveries are answered 503.
 * <p>
 * Counting in and out takes no lock (every delivery does both, on many threads at once); only the last delivery out
 * while a stop waits wakes it.
 */
public final class InflightDeliveries {

    private volatile boolean accepting;
    private final AtomicInteger count = new AtomicInteger();

    /** Lets deliveries in (started, resumed) or keeps them out (suspended, stopping). */
    public void setAccepting(boolean accepting) {
        this.accepting = accepting;
    }

    public boolean isAccepting() {
        return accepting;
    }

    /** Counts a delivery in, unless deliveries are kept out. */
    public boolean tryBegin() {
        if (!accepting) {
            return false;
        }
        count.incrementAndGet();
        // deliveries were kept out between the look and the count: a stop may have seen none in flight already
        if (!accepting) {
            end();
            return false;
        }
        return true;
    }

    /** A delivery has been answered. */
    public void end() {
        if (count.decrementAndGet() == 0) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    public int count() {
        return count.get();
    }

    /** Waits until no delivery is in flight, at most the timeout; whether none is. */
    public synchronized boolean awaitNone(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (count.get() > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }
}
