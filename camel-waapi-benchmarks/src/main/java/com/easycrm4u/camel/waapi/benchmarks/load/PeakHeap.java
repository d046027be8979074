package com.easycrm4u.camel.waapi.benchmarks.load;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/** The most heap in use while it runs, read every 20 ms on a daemon thread of its own. */
public final class PeakHeap implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private final Thread sampler = new Thread(this::sample, "peak-heap-sampler");

    public PeakHeap() {
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (!Thread.currentThread().isInterrupted()) {
            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    public double mebibytes() {
        return peak.get() / 1048576.0;
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}
