package com.easycrm4u.camel.waapi.benchmarks.load;

/**
 * One request of a measured path: starts it without blocking and reports its end exactly once, on any thread.
 */
@FunctionalInterface
public interface Call {

    /**
     * @param done told when the request ended: null on success, else the failure
     */
    void start(Done done);

    /**
     * Bytes allocated so far by the JVM that does the measured work: this one unless the path says otherwise (the
     * webhook server runs in a JVM of its own).
     */
    default long allocatedBytes() {
        return Allocation.total();
    }

    /** The end of one request. */
    @FunctionalInterface
    interface Done {
        void ended(Throwable failure);
    }
}
