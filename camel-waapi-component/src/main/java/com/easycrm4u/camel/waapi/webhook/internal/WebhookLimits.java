package com.easycrm4u.camel.waapi.webhook.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one webhook receiver may hold before the route has a delivery, and what it holds now: the bytes of bodies whose
 * signature is not verified yet (being received), bounded in total, and the verified deliveries waiting for a worker
 * thread, bounded in number. Nothing a sender declares counts: only bytes that arrived are held. Counting takes no
 * lock.
 */
public final class WebhookLimits {

    private final long maxBodySize;
    private final Duration bodyReadTimeout;
    private final long maxUnverifiedBytes;
    private final int maxQueuedDeliveries;
    private final AtomicLong unverifiedBytes = new AtomicLong();
    private final AtomicInteger queuedDeliveries = new AtomicInteger();

    /**
     * @param maxBodySize         the largest body accepted, in bytes
     * @param bodyReadTimeout     how long a sender may take to send a body once its headers are in
     * @param maxUnverifiedBytes  the most bytes held, in total, for bodies not verified yet
     * @param maxQueuedDeliveries the most verified deliveries waiting for a worker thread
     */
    public WebhookLimits(long maxBodySize, Duration bodyReadTimeout, long maxUnverifiedBytes, int maxQueuedDeliveries) {
        this.maxBodySize = maxBodySize;
        this.bodyReadTimeout = bodyReadTimeout;
        this.maxUnverifiedBytes = maxUnverifiedBytes;
        this.maxQueuedDeliveries = maxQueuedDeliveries;
    }

    public long getMaxBodySize() {
        return maxBodySize;
    }

    public Duration getBodyReadTimeout() {
        return bodyReadTimeout;
    }

    /**
     * Holds this many more bytes of unverified bodies; false (and nothing held) when the total would pass the bound.
     */
    public boolean holdUnverified(long bytes) {
        if (unverifiedBytes.addAndGet(bytes) > maxUnverifiedBytes) {
            unverifiedBytes.addAndGet(-bytes);
            return false;
        }
        return true;
    }

    /** Gives back bytes of unverified bodies held: the body was verified, refused or dropped. */
    public void releaseUnverified(long bytes) {
        if (bytes != 0) {
            unverifiedBytes.addAndGet(-bytes);
        }
    }

    /** The bytes held now for bodies not verified yet. */
    public long unverifiedBytes() {
        return unverifiedBytes.get();
    }

    /** Queues a verified delivery for a worker thread; false (nothing queued) when as many as allowed wait already. */
    boolean queueDelivery() {
        if (queuedDeliveries.incrementAndGet() > maxQueuedDeliveries) {
            queuedDeliveries.decrementAndGet();
            return false;
        }
        return true;
    }

    /** A queued delivery was taken by a worker thread, or will never be. */
    void dequeueDelivery() {
        queuedDeliveries.decrementAndGet();
    }

    /** The verified deliveries waiting for a worker thread now. */
    int queuedDeliveries() {
        return queuedDeliveries.get();
    }
}
