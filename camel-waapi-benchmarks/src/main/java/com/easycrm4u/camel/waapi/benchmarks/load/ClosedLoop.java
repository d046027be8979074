package com.easycrm4u.camel.waapi.benchmarks.load;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps a fixed number of requests in flight for a while: each lane starts its next request when the last one ended (a
 * closed loop, as a route with that many concurrent consumers would). Latencies of the requests that ended in the
 * window are kept and sorted at the end, so nothing is sampled away.
 */
public final class ClosedLoop {

    private static final int MAX_SAMPLES = 4_000_000;
    private static final long STUCK_AFTER_MILLIS = 45_000;

    private ClosedLoop() {
    }

    public static Cell run(Call call, int concurrency, long durationMillis) throws InterruptedException {
        long[] latencies = new long[MAX_SAMPLES];
        AtomicInteger samples = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        CountDownLatch lanesDone = new CountDownLatch(concurrency);
        long allocatedBefore = call.allocatedBytes();
        long start = System.nanoTime();
        long end = start + TimeUnit.MILLISECONDS.toNanos(durationMillis);
        for (int i = 0; i < concurrency; i++) {
            new Lane(call, end, latencies, samples, failures, lanesDone).next();
        }
        if (!lanesDone.await(durationMillis + STUCK_AFTER_MILLIS, TimeUnit.MILLISECONDS)) {
            // a request that never ends is a failure of the path; its lane is left behind
            System.err.println(lanesDone.getCount() + " of " + concurrency + " requests had no end "
                               + STUCK_AFTER_MILLIS / 1000 + " s after the window ended");
            failures.addAndGet(lanesDone.getCount());
        }
        long allocated = call.allocatedBytes() - allocatedBefore;
        int count = Math.min(samples.get(), MAX_SAMPLES);
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        double seconds = (double) (end - start) / TimeUnit.SECONDS.toNanos(1);
        return new Cell(
                samples.get() / seconds, millis(percentile(sorted, 0.50)), millis(percentile(sorted, 0.99)),
                failures.get(), count == 0 ? Double.NaN : (double) allocated / count);
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static final class Lane {

        private final Call call;
        private final long end;
        private final long[] latencies;
        private final AtomicInteger samples;
        private final AtomicLong failures;
        private final CountDownLatch lanesDone;
        private long started;

        Lane(Call call, long end, long[] latencies, AtomicInteger samples, AtomicLong failures, CountDownLatch lanesDone) {
            this.call = call;
            this.end = end;
            this.latencies = latencies;
            this.samples = samples;
            this.failures = failures;
            this.lanesDone = lanesDone;
        }

        void next() {
            started = System.nanoTime();
            if (started >= end) {
                lanesDone.countDown();
                return;
            }
            try {
                call.start(this::ended);
            } catch (RuntimeException e) {
                ended(e);
            }
        }

        private void ended(Throwable failure) {
            long now = System.nanoTime();
            if (failure != null) {
                if (failures.incrementAndGet() == 1) {
                    System.err.println("a request failed: " + failure);
                }
            } else if (now <= end) {
                int i = samples.getAndIncrement();
                if (i < latencies.length) {
                    latencies[i] = now - started;
                }
            }
            next();
        }
    }
}
