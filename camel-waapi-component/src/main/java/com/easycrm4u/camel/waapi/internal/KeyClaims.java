package com.easycrm4u.camel.waapi.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.function.LongSupplier;

import org.apache.camel.spi.IdempotentRepository;

/**
 * Keys and time-slotted claims on an {@link IdempotentRepository}, with nothing but the repository's own operations, so
 * that every step is one atomic call on any of Camel's repositories (in memory, JDBC, Redis, Hazelcast, ...) shared by
 * any number of nodes. The webhook's deduplication and the producer's send once are built on it.
 * <p>
 * A key becomes its <em>entry</em>: a fixed-length hash of a namespace and the key (43 characters, whatever the key).
 * Marks of the entry are {@code entry + ":" + name}; a repository may keep the bare entries in a bounded cache, but
 * must keep every mark (anything with a {@code ':'}) until it is removed, see {@link #isMark(String)}.
 * <p>
 * A claim is the mark {@code entry:claim:<slot>}, the slot being the clock divided by the slot length. It counts in its
 * slot and the two neighbouring ones (clocks differ a little between nodes), so between one and two slot lengths after
 * it was made, and not after: a claim whose owner died stops counting by itself.
 */
public final class KeyClaims {

    /** A SHA-256 per thread, kept: getInstance costs more than the digest of a key. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(KeyClaims::sha256);

    private final IdempotentRepository repository;
    private final byte[] namespaceBytes;
    private final long slotMillis;
    private final LongSupplier clockMillis;

    /**
     * @param namespace   keeps the entries of one user of the repository apart from another's
     * @param slotLength  positive
     * @param clockMillis the wall clock, shared (roughly) by the nodes
     */
    public KeyClaims(IdempotentRepository repository, String namespace, Duration slotLength, LongSupplier clockMillis) {
        if (slotLength.toMillis() <= 0) {
            throw new IllegalArgumentException("The claim slot must be positive, was " + slotLength);
        }
        this.repository = repository;
        this.namespaceBytes = namespace.getBytes(StandardCharsets.UTF_8);
        this.slotMillis = slotLength.toMillis();
        this.clockMillis = clockMillis;
    }

    public IdempotentRepository repository() {
        return repository;
    }

    /** The repository entry of a key: base64url(SHA-256(namespace + "\n" + key)), 43 characters. */
    public String entry(String key) {
        // digest() leaves the kept digest reset for the next key
        MessageDigest digest = SHA_256.get();
        digest.update(namespaceBytes);
        digest.update((byte) '\n');
        digest.update(key.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest());
    }

    /** The mark {@code name} of an entry. */
    public static String mark(String entry, String name) {
        return entry + ":" + name;
    }

    /** Whether a repository key is a mark, to be kept until removed, rather than a bare entry. */
    public static boolean isMark(String repositoryKey) {
        return repositoryKey.contains(":");
    }

    /**
     * Claims the entry now: adds the claim of the current slot, unless it or a claim of a neighbouring slot is there.
     *
     * @return the claim, to remove once its owner is done; null when another claim of the entry counts
     */
    public String claim(String entry) {
        long slot = clockMillis.getAsLong() / slotMillis;
        String claim = claimOf(entry, slot);
        if (!repository.add(claim)) {
            return null;
        }
        // of two attempts that claim in neighbouring slots, each adds its claim before it looks for the other's, so at
        // least one of them sees the other and backs off
        if (repository.contains(claimOf(entry, slot - 1)) || repository.contains(claimOf(entry, slot + 1))) {
            repository.remove(claim);
            return null;
        }
        return claim;
    }

    private static String claimOf(String entry, long slot) {
        return entry + ":claim:" + slot;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
