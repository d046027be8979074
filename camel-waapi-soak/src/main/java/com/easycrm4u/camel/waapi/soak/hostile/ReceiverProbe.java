package com.easycrm4u.camel.waapi.soak.hostile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The receiver's side of the hostile-load run, in the child JVM: tells the parent its port ({@code PORT <n>}), every
 * event its route routed ({@code ROUTED <event key>}) and its heap ({@code HEAP <peak after a collection>
 * <peak in use>}, in bytes, each time one grows), on standard output; takes {@code SLOW <millis>} (how long the route
 * takes per event) on standard input and stops when that closes.
 */
public final class ReceiverProbe {

    static final String PORT = "PORT ";
    static final String ROUTED = "ROUTED ";
    static final String HEAP = "HEAP ";
    static final String SLOW = "SLOW ";
    /** The environment variable with the route's verify token, the one docs/webhooks.md names. */
    static final String VERIFY_TOKEN_VARIABLE = "WAAPI_WEBHOOK_VERIFY_TOKEN";

    private static final long SAMPLE_MILLIS = 50;

    private final PrintStream out = System.out;
    private volatile long slowMillis;

    /** The route's own work on an event: as slow as the parent asked. */
    public void work() throws InterruptedException {
        long millis = slowMillis;
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    /** The route's last step: the event was routed. */
    public void routed(String eventKey) {
        out.println(ROUTED + eventKey);
    }

    /**
     * Says the receiver is ready, reports the heap until the parent closes standard input, then runs {@code stop}.
     * Blocks until then.
     */
    public void serve(int port, Runnable stop) {
        Thread sampler = new Thread(this::sampleHeap, "receiver-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        out.println(PORT + port);
        try (BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String command;
            while ((command = commands.readLine()) != null) {
                if (command.startsWith(SLOW)) {
                    slowMillis = Long.parseLong(command.substring(SLOW.length()).trim());
                }
            }
        } catch (IOException e) {
            // the parent is gone: stop as well
        }
        stop.run();
    }

    /** Heap in use sampled, and heap left after each collection as the collector reports it. */
    private void sampleHeap() {
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        AtomicLong afterCollection = new AtomicLong();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        long left = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                                .getGcInfo()
                                .getMemoryUsageAfterGc().entrySet().stream().filter(pool -> heapPools.contains(pool.getKey()))
                                .mapToLong(pool -> pool.getValue().getUsed()).sum();
                        afterCollection.accumulateAndGet(left, Math::max);
                    }
                }, null, null);
            }
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long reportedAfterCollection = 0;
        long peakInUse = 0;
        while (true) {
            long inUse = memory.getHeapMemoryUsage().getUsed();
            if (afterCollection.get() > reportedAfterCollection || inUse > peakInUse) {
                reportedAfterCollection = afterCollection.get();
                peakInUse = Math.max(peakInUse, inUse);
                out.println(HEAP + reportedAfterCollection + " " + peakInUse);
            }
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
