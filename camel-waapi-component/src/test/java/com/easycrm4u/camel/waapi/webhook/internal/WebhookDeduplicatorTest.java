package com.easycrm4u.camel.waapi.webhook.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.easycrm4u.camel.waapi.internal.RacingRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.Test;

import static com.easycrm4u.camel.waapi.webhook.internal.WebhookDeduplicator.State.CLAIMED;
import static com.easycrm4u.camel.waapi.webhook.internal.WebhookDeduplicator.State.IN_FLIGHT_ELSEWHERE;
import static com.easycrm4u.camel.waapi.webhook.internal.WebhookDeduplicator.State.ROUTED_BEFORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Routed events are skipped for good, an event being routed holds off its duplicates (on any node sharing the
 * repository), and a claim that is never given up (a dead node) stops counting after one to two claimExpiry.
 */
class WebhookDeduplicatorTest {

    private static final Duration EXPIRY = Duration.ofSeconds(60);

    private final MemoryIdempotentRepository shared = started(MemoryIdempotentRepository.memoryIdempotentRepository(1000));
    private final AtomicLong clockA = new AtomicLong(1_000_000_000L);
    private final AtomicLong clockB = new AtomicLong(1_000_000_000L);
    private final WebhookDeduplicator nodeA = new WebhookDeduplicator(shared, "/waapi/webhook", EXPIRY, clockA::get);
    private final WebhookDeduplicator nodeB = new WebhookDeduplicator(shared, "/waapi/webhook", EXPIRY, clockB::get);

    private static MemoryIdempotentRepository started(IdempotentRepository repository) {
        repository.start();
        return (MemoryIdempotentRepository) repository;
    }

    @Test
    void aRoutedEventIsSkippedOnEveryNode() {
        WebhookDeduplicator.Claim claim = nodeA.claim("message:wamid.1");
        assertThat(claim.state()).isEqualTo(CLAIMED);
        claim.routed();
        assertThat(nodeA.claim("message:wamid.1").state()).isEqualTo(ROUTED_BEFORE);
        assertThat(nodeB.claim("message:wamid.1").state()).isEqualTo(ROUTED_BEFORE);
        assertThat(nodeB.claim("message:wamid.2").state()).isEqualTo(CLAIMED);
    }

    @Test
    void anEventInFlightOnOneNodeHoldsOffItsDuplicateOnTheOtherUntilItsOutcome() {
        WebhookDeduplicator.Claim claim = nodeA.claim("message:wamid.1");
        assertThat(nodeB.claim("message:wamid.1").state()).isEqualTo(IN_FLIGHT_ELSEWHERE);
        claim.release();
        WebhookDeduplicator.Claim retry = nodeB.claim("message:wamid.1");
        assertThat(retry.state()).isEqualTo(CLAIMED);
        assertThat(nodeA.claim("message:wamid.1").state()).isEqualTo(IN_FLIGHT_ELSEWHERE);
        retry.routed();
        assertThat(nodeA.claim("message:wamid.1").state()).isEqualTo(ROUTED_BEFORE);
        assertThat(shared.getCache()).hasSize(1);
    }

    @Test
    void aClaimInTheNeighbouringSlotCountsToo() {
        clockA.set(EXPIRY.toMillis() * 100 - 1);
        clockB.set(EXPIRY.toMillis() * 100 + 1);
        nodeA.claim("message:wamid.1");
        assertThat(nodeB.claim("message:wamid.1").state()).isEqualTo(IN_FLIGHT_ELSEWHERE);
        // a node whose clock is a little behind sees the claim of the slot ahead of it
        clockA.set(EXPIRY.toMillis() * 200 + 1);
        clockB.set(EXPIRY.toMillis() * 200 - 1);
        nodeA.claim("message:wamid.2");
        assertThat(nodeB.claim("message:wamid.2").state()).isEqualTo(IN_FLIGHT_ELSEWHERE);
    }

    @Test
    void theClaimOfANodeThatDiedExpiresAfterOneToTwoClaimExpiry() {
        assertThat(nodeA.claim("message:wamid.1").state()).isEqualTo(CLAIMED);
        // node A dies here: its claim is never given up
        clockB.addAndGet(EXPIRY.toMillis());
        assertThat(nodeB.claim("message:wamid.1").state()).isEqualTo(IN_FLIGHT_ELSEWHERE);
        clockB.addAndGet(EXPIRY.toMillis());
        WebhookDeduplicator.Claim takeover = nodeB.claim("message:wamid.1");
        assertThat(takeover.state()).isEqualTo(CLAIMED);
        takeover.routed();
        assertThat(nodeB.claim("message:wamid.1").state()).isEqualTo(ROUTED_BEFORE);
    }

    @Test
    void pathsAreSeparateNamespacesAndKeysHaveAFixedLength() {
        WebhookDeduplicator other = new WebhookDeduplicator(shared, "/waapi/other-key", EXPIRY, clockA::get);
        nodeA.claim("message:" + "x".repeat(500)).routed();
        assertThat(other.claim("message:" + "x".repeat(500)).state()).isEqualTo(CLAIMED);
        assertThat(shared.getCache().keySet()).allSatisfy(key -> assertThat(key.length()).isLessThan(100));
    }

    @Test
    void aPathThatStartsWithAnotherPathDoesNotShareItsEvents() {
        WebhookDeduplicator longer = new WebhookDeduplicator(shared, "/waapi/webhookmessage:", EXPIRY, clockA::get);
        nodeA.claim("message:wamid.1").routed();
        assertThat(longer.claim("wamid.1").state()).isEqualTo(CLAIMED);
    }

    /**
     * A persistent repository (JDBC, Redis, ...) outlives an upgrade: the entry of a routed event must stay what
     * earlier releases stored, or every event it holds would be routed again.
     */
    @Test
    void theEntryOfARoutedEventIsTheSameInEveryRelease() {
        nodeA.claim("message:wamid.1").routed();
        // base64url(SHA-256("/waapi/webhook" + "\n" + "message:wamid.1")), without padding
        assertThat(shared.getCache().keySet()).containsExactly("2gtBJXWMvdifTfDs-IYAFmC6hYXKMTZatC-hb6dGwc8");
    }

    @Test
    void anEventRoutedElsewhereBetweenTheFirstLookAndTheClaimIsSkipped() {
        WebhookDeduplicator.Claim first = nodeA.claim("message:wamid.1");
        // node A finishes just after node B looked for the routed entry and before B adds its claim
        RacingRepository racing = new RacingRepository(shared, first::routed);
        WebhookDeduplicator late = new WebhookDeduplicator(racing, "/waapi/webhook", EXPIRY, clockB::get);

        assertThat(late.claim("message:wamid.1").state()).isEqualTo(ROUTED_BEFORE);
        assertThat(shared.getCache()).as("no claim left behind").hasSize(1);
    }

    @Test
    void aClaimExpiryOfZeroIsRefused() {
        assertThatThrownBy(() -> new WebhookDeduplicator(shared, "/waapi/webhook", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("claimExpiry must be positive, was PT0S");
        assertThat(new WebhookDeduplicator(shared, "/waapi/webhook", Duration.ofMillis(1)).claim("message:wamid.1").state())
                .isEqualTo(CLAIMED);
    }

    /**
     * The default repository of a path holds the routed events in a bounded cache: routing many other events while one
     * is in flight must not evict its claim, or a duplicate of it would be routed a second time.
     */
    @Test
    void trafficThroughTheDefaultRepositoryNeverEvictsTheClaimOfAnEventInFlight() {
        WebhookRegistration registration = new WebhookRegistration();
        try {
            IdempotentRepository small = registration.ownedRepository(3);
            assertThat(ServiceHelper.isStarted(small)).as("started before its first use").isTrue();
            assertThat(registration.ownedRepository(3)).as("one per path").isSameAs(small);
            WebhookDeduplicator node = new WebhookDeduplicator(small, "/waapi/webhook", EXPIRY, clockA::get);
            WebhookDeduplicator.Claim slow = node.claim("message:wamid.slow");
            assertThat(slow.state()).isEqualTo(CLAIMED);
            for (int i = 0; i < 10; i++) {
                node.claim("message:wamid.fast-" + i).routed();
            }
            assertThat(node.claim("message:wamid.slow").state()).isEqualTo(IN_FLIGHT_ELSEWHERE);
            slow.routed();
            assertThat(node.claim("message:wamid.slow").state()).isEqualTo(ROUTED_BEFORE);
            registration.close();
            assertThat(ServiceHelper.isStopped(small)).as("stopped with the path's registration").isTrue();
        } finally {
            registration.close();
        }
    }
}
