package com.easycrm4u.camel.waapi.internal;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.apache.camel.spi.IdempotentRepository;

/**
 * The states of a send-once key, on an {@link IdempotentRepository} shared by every node that sends: each transition is
 * one atomic call of the repository ({@link KeyClaims}). Under the key's entry (a hash of the key):
 * <ul>
 * <li>{@code entry}: the message was sent;</li>
 * <li>{@code entry:claim:<slot>}: a send is in flight; it counts for one to two {@code claimTimeout} (see
 * {@link KeyClaims});</li>
 * <li>{@code entry:claimed}: a send claimed the key and has not given it up. Added after the slotted claim and removed
 * before it, so with no slotted claim that counts, it means the send never finished (its node died, or it ran longer
 * than the claim timeout): its outcome is unknown;</li>
 * <li>{@code entry:unknown}: the send was written and never answered: its outcome is unknown.</li>
 * </ul>
 * A key is free when none of these is there. An unknown outcome stays until {@link #clear} (or the repository's own
 * remove of {@code entry:unknown} and {@code entry:claimed}).
 */
public final class SendOnce {

    /** The namespace of the entries: apart from the webhook's (paths, which start with a slash). */
    public static final String NAMESPACE = "waapi:send-once";

    /** What {@link #claim} found. */
    public enum State {
        /**
         * Free: this send owns the key now; send, then {@link SendOnce#sent(Claim)}, {@link SendOnce#release(Claim)} or
         * {@link SendOnce#unknown(Claim)}.
         */
        CLAIMED,
        /** Sent before: do not send. */
        SENT,
        /** A send with the key is in flight (another exchange, thread or node): do not send now, retry later. */
        IN_FLIGHT,
        /** A send with the key was written and never answered: do not send, until an operator clears the key. */
        UNKNOWN,
        /**
         * A send claimed the key and did not finish within the claim timeout: its outcome is unknown, as for UNKNOWN.
         */
        STALE
    }

    /**
     * What {@link #claim} found, and for {@link State#CLAIMED} what {@link #sent}, {@link #release} or {@link #unknown}
     * must settle once the send has its outcome.
     */
    public record Claim(State state, String entry, String slotClaim) {
    }

    private static final String CLAIMED_MARK = "claimed";
    private static final String UNKNOWN_MARK = "unknown";

    private final KeyClaims claims;
    private final Duration claimTimeout;

    public SendOnce(IdempotentRepository repository, Duration claimTimeout) {
        this(repository, claimTimeout, System::currentTimeMillis);
    }

    public SendOnce(IdempotentRepository repository, Duration claimTimeout, LongSupplier clockMillis) {
        this.claims = new KeyClaims(repository, NAMESPACE, claimTimeout, clockMillis);
        this.claimTimeout = claimTimeout;
    }

    public Duration claimTimeout() {
        return claimTimeout;
    }

    /** The repository entry of a key; its marks are this followed by {@code :claimed}, {@code :unknown}, .... */
    public String entry(String key) {
        return claims.entry(key);
    }

    /** Claims the key for a send, unless it was sent, is being sent, or has an unknown outcome. */
    public Claim claim(String key) {
        IdempotentRepository repository = claims.repository();
        String entry = claims.entry(key);
        State settled = settled(repository, entry);
        if (settled != null) {
            return new Claim(settled, entry, null);
        }
        String slotClaim = claims.claim(entry);
        if (slotClaim == null) {
            return new Claim(State.IN_FLIGHT, entry, null);
        }
        if (!repository.add(KeyClaims.mark(entry, CLAIMED_MARK))) {
            // claimed, and no claim of a send in flight counts: the send that claimed it finished just now, or never
            repository.remove(slotClaim);
            settled = settled(repository, entry);
            return new Claim(settled != null ? settled : State.STALE, entry, null);
        }
        // a send that finished between the first look and the claim
        settled = settled(repository, entry);
        if (settled != null) {
            repository.remove(KeyClaims.mark(entry, CLAIMED_MARK));
            repository.remove(slotClaim);
            return new Claim(settled, entry, null);
        }
        return new Claim(State.CLAIMED, entry, slotClaim);
    }

    /**
     * Forgets the outcome of the key: sent, unknown, or claimed by a send that never finished, so the next send with it
     * is made. A claim of a send still in flight stays, and still holds off other sends until that one finishes.
     *
     * @return whether there was anything to forget
     */
    public boolean clear(String key) {
        IdempotentRepository repository = claims.repository();
        String entry = claims.entry(key);
        boolean unknown = repository.remove(KeyClaims.mark(entry, UNKNOWN_MARK));
        boolean claimed = repository.remove(KeyClaims.mark(entry, CLAIMED_MARK));
        boolean sent = repository.remove(entry);
        return unknown || claimed || sent;
    }

    /** The message was sent: the key is sent for good, then the claim is given up. */
    public void sent(Claim claim) {
        IdempotentRepository repository = claims.repository();
        repository.add(claim.entry());
        repository.confirm(claim.entry());
        repository.remove(KeyClaims.mark(claim.entry(), CLAIMED_MARK));
        repository.remove(claim.slotClaim());
    }

    /** The message was not sent: the key is free again. */
    public void release(Claim claim) {
        IdempotentRepository repository = claims.repository();
        // the claimed mark goes first: alone, it would read as a send that never finished
        repository.remove(KeyClaims.mark(claim.entry(), CLAIMED_MARK));
        repository.remove(claim.slotClaim());
    }

    /** Whether the message was sent is unknown: the key stays unknown until an operator clears it. */
    public void unknown(Claim claim) {
        IdempotentRepository repository = claims.repository();
        String unknown = KeyClaims.mark(claim.entry(), UNKNOWN_MARK);
        repository.add(unknown);
        repository.confirm(unknown);
        repository.remove(claim.slotClaim());
    }

    private static State settled(IdempotentRepository repository, String entry) {
        if (repository.contains(entry)) {
            return State.SENT;
        }
        if (repository.contains(KeyClaims.mark(entry, UNKNOWN_MARK))) {
            return State.UNKNOWN;
        }
        return null;
    }
}
