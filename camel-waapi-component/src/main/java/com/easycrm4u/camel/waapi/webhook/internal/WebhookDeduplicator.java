package com.easycrm4u.camel.waapi.webhook.internal;

import java.time.Duration;
import java.util.function.LongSupplier;

import com.easycrm4u.camel.waapi.internal.KeyClaims;
import org.apache.camel.spi.IdempotentRepository;

/**
 * Routes every event once, on any number of nodes that share one {@link IdempotentRepository}, with nothing but the
 * repository's own operations (so any of Camel's repositories will do: in memory, JDBC, Redis, Hazelcast, ...).
 * <p>
 * Two entries per event, both under a fixed-length hash of the consumer's path and the event key ({@link KeyClaims}):
 * <ul>
 * <li>the <em>routed</em> entry, added once the route has succeeded; an event with one is skipped for good;</li>
 * <li>a <em>claim</em>, added before routing and removed when the attempt has its outcome, so a duplicate that arrives
 * (on this node or another) while the event is routed is not acknowledged: it is told to come back later.</li>
 * </ul>
 * A claim carries the time slot of {@code claimExpiry} it was made in, and counts only in that slot and the next (or
 * previous, for clocks that differ a little between nodes). So a claim left by a node that died mid-delivery blocks its
 * event for one to two claimExpiry at most; after that, the retry is routed.
 */
public final class WebhookDeduplicator {

    /** What {@link #claim} found. */
    public enum State {
        /** The event was routed before: skip it. */
        ROUTED_BEFORE,
        /** Another attempt is routing the event now: come back later. */
        IN_FLIGHT_ELSEWHERE,
        /** This attempt now owns the event: route it, then call {@link Claim#routed()} or {@link Claim#release()}. */
        CLAIMED
    }

    /** The result of a claim; for {@link State#CLAIMED}, what must follow once the route has its outcome. */
    public final class Claim {

        private final State state;
        private final String routedKey;
        private final String claimKey;

        private Claim(State state, String routedKey, String claimKey) {
            this.state = state;
            this.routedKey = routedKey;
            this.claimKey = claimKey;
        }

        public State state() {
            return state;
        }

        /** The route succeeded: the event is routed for good, then the claim is given up. */
        public void routed() {
            IdempotentRepository repository = claims.repository();
            repository.add(routedKey);
            repository.confirm(routedKey);
            repository.remove(claimKey);
        }

        /** The route failed: the claim is given up, so the sender's retry routes the event. */
        public void release() {
            claims.repository().remove(claimKey);
        }
    }

    private final KeyClaims claims;

    public WebhookDeduplicator(IdempotentRepository repository, String namespace, Duration claimExpiry) {
        this(repository, namespace, claimExpiry, System::currentTimeMillis);
    }

    WebhookDeduplicator(IdempotentRepository repository, String namespace, Duration claimExpiry, LongSupplier clockMillis) {
        if (claimExpiry.toMillis() <= 0) {
            throw new IllegalArgumentException("claimExpiry must be positive, was " + claimExpiry);
        }
        this.claims = new KeyClaims(repository, namespace, claimExpiry, clockMillis);
    }

    /** Claims the event with this key for routing, unless it was routed before or is being routed elsewhere. */
    public Claim claim(String eventKey) {
        IdempotentRepository repository = claims.repository();
        String routedKey = claims.entry(eventKey);
        if (repository.contains(routedKey)) {
            return new Claim(State.ROUTED_BEFORE, routedKey, null);
        }
        String claimKey = claims.claim(routedKey);
        if (claimKey == null) {
            return new Claim(State.IN_FLIGHT_ELSEWHERE, routedKey, null);
        }
        // an attempt that finished between the first look and the claim
        if (repository.contains(routedKey)) {
            repository.remove(claimKey);
            return new Claim(State.ROUTED_BEFORE, routedKey, null);
        }
        return new Claim(State.CLAIMED, routedKey, claimKey);
    }
}
