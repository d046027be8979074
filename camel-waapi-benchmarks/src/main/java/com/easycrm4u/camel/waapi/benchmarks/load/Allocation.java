package com.easycrm4u.camel.waapi.benchmarks.load;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated so far by the live threads of this JVM (HotSpot's per-thread counters): the difference over a
 * measurement, divided by the requests, is what a request costs the heap. Threads that ended in between are missed, so
 * the figure is a lower bound; the paths measured keep their threads.
 */
public final class Allocation {

    private static final com.sun.management.ThreadMXBean THREADS
            = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocation() {
    }

    public static long total() {
        long[] ids = THREADS.getAllThreadIds();
        long sum = 0;
        for (long allocated : THREADS.getThreadAllocatedBytes(ids)) {
            if (allocated > 0) {
                sum += allocated;
            }
        }
        return sum;
    }
}
