package com.easycrm4u.camel.waapi.internal;

import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

/**
 * A view of a shared repository on which another node acts just before the first add: what that node does between a
 * look and a claim.
 */
public final class RacingRepository extends MemoryIdempotentRepository {

    private final MemoryIdempotentRepository shared;
    private Runnable beforeFirstAdd;

    public RacingRepository(MemoryIdempotentRepository shared, Runnable beforeFirstAdd) {
        this.shared = shared;
        this.beforeFirstAdd = beforeFirstAdd;
    }

    @Override
    public boolean add(String key) {
        Runnable other = beforeFirstAdd;
        beforeFirstAdd = null;
        if (other != null) {
            other.run();
        }
        return shared.add(key);
    }

    @Override
    public boolean contains(String key) {
        return shared.contains(key);
    }

    @Override
    public boolean remove(String key) {
        return shared.remove(key);
    }
}
