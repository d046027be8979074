package com.easycrm4u.camel.waapi.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import static com.easycrm4u.camel.waapi.internal.SendOnce.State.CLAIMED;
import static com.easycrm4u.camel.waapi.internal.SendOnce.State.IN_FLIGHT;
import static com.easycrm4u.camel.waapi.internal.SendOnce.State.SENT;
import static com.easycrm4u.camel.waapi.internal.SendOnce.State.STALE;
import static com.easycrm4u.camel.waapi.internal.SendOnce.State.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The states of a send-once key on one repository shared by two nodes: every transition, and a claim whose owner died
 * reading as an unknown outcome, never as free.
 */
class SendOnceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final MemoryIdempotentRepository shared = started(new MemoryIdempotentRepository());
    private final AtomicLong clockA = new AtomicLong(1_000_000_000L);
    private final AtomicLong clockB = new AtomicLong(1_000_000_000L);
    private final SendOnce nodeA = new SendOnce(shared, TIMEOUT, clockA::get);
    private final SendOnce nodeB = new SendOnce(shared, TIMEOUT, clockB::get);

    private static MemoryIdempotentRepository started(MemoryIdempotentRepository repository) {
        repository.start();
        return repository;
    }

    @Test
    void aSentKeyIsSentOnEveryNodeAndLeavesOnlyItsEntry() {
        SendOnce.Claim claim = nodeA.claim("order-1");
        assertThat(claim.state()).isEqualTo(CLAIMED);
        nodeA.sent(claim);
        assertThat(nodeA.claim("order-1").state()).isEqualTo(SENT);
        assertThat(nodeB.claim("order-1").state()).isEqualTo(SENT);
        assertThat(nodeB.claim("order-2").state()).isEqualTo(CLAIMED);
        assertThat(shared.getCache().keySet()).contains(nodeA.entry("order-1"))
                .noneMatch(key -> key.startsWith(nodeA.entry("order-1") + ":"));
    }

    @Test
    void aKeyInFlightOnOneNodeIsRefusedOnTheOtherUntilReleased() {
        SendOnce.Claim claim = nodeA.claim("order-1");
        assertThat(nodeB.claim("order-1").state()).isEqualTo(IN_FLIGHT);
        assertThat(nodeA.claim("order-1").state()).isEqualTo(IN_FLIGHT);
        nodeA.release(claim);
        assertThat(shared.getCache()).as("a released key leaves nothing behind").isEmpty();
        SendOnce.Claim retry = nodeB.claim("order-1");
        assertThat(retry.state()).isEqualTo(CLAIMED);
        nodeB.sent(retry);
        assertThat(nodeA.claim("order-1").state()).isEqualTo(SENT);
    }

    @Test
    void anUnknownOutcomeStaysUntilCleared() {
        nodeA.unknown(nodeA.claim("order-1"));
        clockB.addAndGet(TIMEOUT.toMillis() * 100);
        assertThat(nodeB.claim("order-1").state()).isEqualTo(UNKNOWN);
        assertThat(nodeA.claim("order-1").state()).isEqualTo(UNKNOWN);
        assertThat(nodeB.clear("order-1")).isTrue();
        assertThat(nodeB.clear("order-1")).as("nothing left to clear").isFalse();
        assertThat(nodeB.claim("order-1").state()).isEqualTo(CLAIMED);
    }

    @Test
    void theClaimOfANodeThatDiedIsInFlightForOneToTwoTimeoutsThenUnknownNeverFree() {
        assertThat(nodeA.claim("order-1").state()).isEqualTo(CLAIMED);
        // node A dies here, mid-send
        clockB.addAndGet(TIMEOUT.toMillis());
        assertThat(nodeB.claim("order-1").state()).isEqualTo(IN_FLIGHT);
        clockB.addAndGet(TIMEOUT.toMillis());
        assertThat(nodeB.claim("order-1").state()).isEqualTo(STALE);
        clockB.addAndGet(TIMEOUT.toMillis() * 1000);
        assertThat(nodeB.claim("order-1").state()).as("still, much later").isEqualTo(STALE);
        assertThat(nodeB.clear("order-1")).isTrue();
        assertThat(nodeB.claim("order-1").state()).isEqualTo(CLAIMED);
    }

    @Test
    void aClearDoesNotLetASecondSendPastOneInFlight() {
        SendOnce.Claim claim = nodeA.claim("order-1");
        nodeB.clear("order-1");
        assertThat(nodeB.claim("order-1").state()).isEqualTo(IN_FLIGHT);
        nodeA.sent(claim);
        assertThat(nodeB.claim("order-1").state()).isEqualTo(SENT);
    }

    @Test
    void aSendThatFinishedBetweenTheFirstLookAndTheClaimIsSeen() {
        SendOnce.Claim first = nodeA.claim("order-1");
        // node A finishes just after node B looked, before B claims
        RacingRepository racing = new RacingRepository(shared, () -> nodeA.sent(first));
        SendOnce late = new SendOnce(racing, TIMEOUT, clockB::get);
        assertThat(late.claim("order-1").state()).isEqualTo(SENT);
        assertThat(shared.getCache()).as("no claim left behind").containsOnlyKeys(nodeA.entry("order-1"));
    }

    /** A persistent repository outlives an upgrade: the entries must stay what earlier releases stored. */
    @Test
    void theEntriesOfAKeyAreDocumentedAndStable() {
        SendOnce.Claim claim = nodeA.claim("order-SO-1005-shipped");
        // base64url(SHA-256("waapi:send-once" + "\n" + "order-SO-1005-shipped")), without padding
        String entry = nodeA.entry("order-SO-1005-shipped");
        assertThat(entry).isEqualTo("YIPvpdgf545TmYubx8zoYXnmvDzJylTnH3gGfkT64qA");
        assertThat(shared.getCache().keySet()).containsExactlyInAnyOrder(
                entry + ":claimed", entry + ":claim:" + clockA.get() / TIMEOUT.toMillis());
        nodeA.unknown(claim);
        assertThat(shared.getCache().keySet()).containsExactlyInAnyOrder(entry + ":claimed", entry + ":unknown");
    }
}
