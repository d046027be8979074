package com.easycrm4u.camel.waapi.webhook;

import java.util.concurrent.TimeUnit;

/**
 * Whether a webhook consumer accepts deliveries, and how many it is handling: a stop waits for these to finish (and to
 * update the idempotent repository) before anything else stops, while new deliveries are answered 503.
 */
public final class InflightDeliveries {

    private boolean accepting;
    private int count;

    /** Lets deliveries in (started, resumed) or keeps them out (suspended, stopping). */
    public synchronized void setAccepting(boolean accepting) {
        this.accepting = accepting;
    }

    public synchronized boolean isAccepting() {
        return accepting;
    }

    /** Counts a delivery in, unless deliveries are kept out. */
    public synchronized boolean tryBegin() {
        if (!accepting) {
            return false;
        }
        count++;
        return true;
    }

    /** A delivery has been answered. */
    public synchronized void end() {
        count--;
        notifyAll();
    }

    public synchronized int count() {
        return count;
    }

    /** Waits until no delivery is in flight, at most the timeout; whether none is. */
    public synchronized boolean awaitNone(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (count > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }
}
