package com.easycrm4u.camel.waapi.webhook.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a stopping webhook consumer relies on: the deliveries it counts in (its pending exchanges), that none is let in
 * once it stops accepting, and a stop that waits for the last one out, but no longer than its timeout.
 */
class InflightDeliveriesTest {

    private final InflightDeliveries inflight = new InflightDeliveries();

    @Test
    void noDeliveryIsCountedInWhileDeliveriesAreKeptOut() {
        assertThat(inflight.tryBegin()).isFalse();
        assertThat(inflight.count()).isZero();
        inflight.setAccepting(true);
        assertThat(inflight.tryBegin()).isTrue();
        assertThat(inflight.tryBegin()).isTrue();
        assertThat(inflight.count()).isEqualTo(2);
        inflight.setAccepting(false);
        assertThat(inflight.tryBegin()).isFalse();
        assertThat(inflight.count()).isEqualTo(2);
        inflight.end();
        inflight.end();
        assertThat(inflight.count()).isZero();
    }

    @Test
    void aStopWithNothingInFlightDoesNotWait() throws Exception {
        assertThat(inflight.awaitNone(0, TimeUnit.MILLISECONDS)).isTrue();
    }

    /** A stop on a thread of its own, once it waits (without spinning) for the deliveries in flight. */
    private CompletableFuture<Boolean> stopWaiting() {
        CompletableFuture<Boolean> stopped = new CompletableFuture<>();
        Thread stopping = new Thread(() -> {
            try {
                stopped.complete(inflight.awaitNone(10, TimeUnit.MINUTES));
            } catch (InterruptedException e) {
                stopped.completeExceptionally(e);
            }
        });
        stopping.start();
        await().until(() -> stopping.getState() == Thread.State.TIMED_WAITING);
        return stopped;
    }

    @Test
    void aStopWaitsForTheLastDeliveryOut() throws Exception {
        inflight.setAccepting(true);
        inflight.tryBegin();
        inflight.tryBegin();
        inflight.setAccepting(false);
        CompletableFuture<Boolean> stopped = stopWaiting();
        inflight.end();
        assertThat(inflight.count()).isEqualTo(1);
        assertThat(stopped).isNotDone();
        inflight.end();
        // woken by the last one out, not by its timeout
        await().until(stopped::isDone);
        assertThat(stopped.get()).isTrue();
    }

    @Test
    void aStopIsWokenByTheOnlyDeliveryInFlightWhenItEnds() throws Exception {
        inflight.setAccepting(true);
        inflight.tryBegin();
        inflight.setAccepting(false);
        CompletableFuture<Boolean> stopped = stopWaiting();
        inflight.end();
        // within Awaitility's 10 s, far from the stop's timeout: only the wake-up of the last one out ends the wait
        await().until(stopped::isDone);
        assertThat(stopped.get()).isTrue();
    }

    @Test
    void aStopGivesUpAfterItsTimeoutWhileADeliveryIsInFlight() throws Exception {
        inflight.setAccepting(true);
        inflight.tryBegin();
        assertThat(inflight.awaitNone(50, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(inflight.count()).isEqualTo(1);
    }
}
