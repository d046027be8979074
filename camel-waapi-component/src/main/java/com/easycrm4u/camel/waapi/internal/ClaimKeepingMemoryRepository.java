package com.easycrm4u.camel.waapi.internal;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The component's default repository, in memory: the bare entries (events routed, keys sent) in an LRU cache of
 * {@code cacheSize}, and the marks ({@link KeyClaims#isMark}: claims, and a send's claimed and unknown marks) in a set
 * of their own, kept until they are removed. A claim in one LRU with the entries would be evicted by traffic while its
 * owner still works, and a duplicate would then be let through; the marks are bounded by the work in flight instead
 * (and the keys whose outcome is unknown, until an operator clears them).
 */
public final class ClaimKeepingMemoryRepository extends ServiceSupport implements IdempotentRepository {

    private final int cacheSize;
    private final Map<String, Boolean> entries;
    private final Set<String> marks = new HashSet<>();

    public ClaimKeepingMemoryRepository(int cacheSize) {
        if (cacheSize < 1) {
            throw new IllegalArgumentException("The cache size must be at least 1, was " + cacheSize);
        }
        this.cacheSize = cacheSize;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > ClaimKeepingMemoryRepository.this.cacheSize;
            }
        };
    }

    @Override
    public synchronized boolean add(String key) {
        if (KeyClaims.isMark(key)) {
            return marks.add(key);
        }
        return entries.putIfAbsent(key, Boolean.TRUE) == null;
    }

    @Override
    public synchronized boolean contains(String key) {
        return KeyClaims.isMark(key) ? marks.contains(key) : entries.get(key) != null;
    }

    @Override
    public synchronized boolean remove(String key) {
        return KeyClaims.isMark(key) ? marks.remove(key) : entries.remove(key) != null;
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public synchronized void clear() {
        entries.clear();
        marks.clear();
    }

    /** How many entries and marks are kept. */
    public synchronized int size() {
        return entries.size() + marks.size();
    }

    @Override
    public String toString() {
        return "in memory (" + cacheSize + " entries, claims kept apart)";
    }
}
