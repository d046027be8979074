package com.easycrm4u.camel.waapi.benchmarks.producer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.easycrm4u.camel.waapi.benchmarks.load.Arguments;
import com.easycrm4u.camel.waapi.benchmarks.load.Call;
import com.easycrm4u.camel.waapi.benchmarks.load.ChildJvm;
import com.easycrm4u.camel.waapi.benchmarks.load.PeakHeap;

/**
 * Many sends in flight at once against a sink that answers each after a second: the threads and the heap the sending
 * JVM needs. Each path runs in a fresh JVM of its own, so no path's threads count for another.
 * <p>
 * Arguments: {@code sends=10000 delayMillis=1000 heap=512m}.
 */
public final class InFlightRun {

    /** The paths measured, by name: what each child JVM is told to run. */
    static final List<String> PATHS = List.of("component", "component-10000-connections", "java.net.http");

    private InFlightRun() {
    }

    /** One path's figures. */
    public record Row(String path, int sends, long failed, double seconds, int threadsBefore, int peakThreads,
            double peakHeapMiB) {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = Arguments.parse(args);
        if (arguments.value("path", null) != null) {
            child(arguments);
            return;
        }
        System.out.println(markdown(run(arguments)));
    }

    public static List<Row> run(Arguments arguments) throws Exception {
        int sends = arguments.intValue("sends", 10_000);
        List<Row> rows = new ArrayList<>();
        try (ChildJvm sink = ChildJvm.start("512m", LoopbackSink.class,
                "delayMillis=" + arguments.longValue("delayMillis", 1000))) {
            for (String path : PATHS) {
                try (ChildJvm sender = ChildJvm.start(arguments.value("heap", "512m"), InFlightRun.class, "path=" + path,
                        "port=" + sink.port(), "sends=" + sends)) {
                    String line;
                    while ((line = sender.readLine()) != null && !line.startsWith("RESULT ")) {
                        System.out.println("  " + line);
                    }
                    if (line == null) {
                        throw new IllegalStateException("the " + path + " run ended without a result");
                    }
                    Arguments result = Arguments.parse(line.substring(7).split(" "));
                    rows.add(new Row(
                            path, sends, result.longValue("failed", -1),
                            Double.parseDouble(result.value("seconds", "NaN")), result.intValue("threadsBefore", -1),
                            result.intValue("peakThreads", -1), Double.parseDouble(result.value("peakHeapMiB", "NaN"))));
                }
            }
        }
        return rows;
    }

    /** In the child JVM: all sends at once, then what it took. */
    private static void child(Arguments arguments) throws Exception {
        int port = arguments.intValue("port", 0);
        int sends = arguments.intValue("sends", 10_000);
        String path = arguments.value("path", "component");
        System.out.println("READY");
        AutoCloseable closeable;
        Call call;
        switch (path) {
            case "component" -> {
                ComponentPath component = new ComponentPath(port, waapi -> waapi.getConfiguration().setRequestTimeout(120_000));
                call = component;
                closeable = component;
            }
            case "component-10000-connections" -> {
                ComponentPath component = new ComponentPath(port, waapi -> {
                    waapi.getConfiguration().setRequestTimeout(120_000);
                    waapi.setMaxConnections(sends);
                });
                call = component;
                closeable = component;
            }
            case "java.net.http" -> {
                JdkLoop jdk = new JdkLoop(port);
                call = jdk;
                closeable = jdk;
            }
            default -> throw new IllegalArgumentException("unknown path " + path);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int threadsBefore = threads.getThreadCount();
        threads.resetPeakThreadCount();
        PeakHeap heap = new PeakHeap();
        AtomicLong failed = new AtomicLong();
        CountDownLatch done = new CountDownLatch(sends);
        long started = System.nanoTime();
        for (int i = 0; i < sends; i++) {
            call.start(failure -> {
                if (failure != null && failed.incrementAndGet() == 1) {
                    System.out.println("a send failed: " + failure);
                }
                done.countDown();
            });
        }
        boolean all = done.await(5, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - started) / 1e9;
        heap.close();
        int peak = threads.getPeakThreadCount();
        System.out.printf(Locale.ROOT, "RESULT failed=%d seconds=%.1f threadsBefore=%d peakThreads=%d peakHeapMiB=%.0f%n",
                failed.get() + done.getCount(), all ? seconds : Double.NaN, threadsBefore, peak,
                heap.mebibytes());
        System.out.flush();
        closeable.close();
        System.exit(0);
    }

    public static String markdown(List<Row> rows) {
        StringBuilder table = new StringBuilder(
                "| path | sends in flight | failed | seconds | threads before | peak threads | peak heap used (MiB) |\n"
                                                + "|---|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            table.append(String.format(Locale.ROOT, "| %s | %,d | %d | %.1f | %d | %d | %.0f |%n", row.path(), row.sends(),
                    row.failed(), row.seconds(), row.threadsBefore(), row.peakThreads(), row.peakHeapMiB()));
        }
        return table.toString();
    }
}
