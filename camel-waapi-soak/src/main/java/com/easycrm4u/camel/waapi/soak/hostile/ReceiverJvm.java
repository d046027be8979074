package com.easycrm4u.camel.waapi.soak.hostile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A receiver in a JVM of its own, with a small heap that ends the JVM on out-of-memory
 * ({@code -XX:+ExitOnOutOfMemoryError}), as a container would be run: what it routed and its heap are read from its
 * output ({@link ReceiverProbe}); whether it ran out of memory from its exit.
 */
final class ReceiverJvm implements AutoCloseable {

    /** The exit code of a JVM that {@code -XX:+ExitOnOutOfMemoryError} ended. */
    private static final int OUT_OF_MEMORY_EXIT = 3;
    private static final int KEPT_LINES = 40;

    private final Host host;
    private final Process process;
    private final int port;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Map<String, AtomicInteger> routed = new ConcurrentHashMap<>();
    private final AtomicLong peakAfterCollection = new AtomicLong();
    private final AtomicLong peakInUse = new AtomicLong();
    private final Deque<String> lastLines = new ArrayDeque<>();
    private final Thread reader;
    private volatile boolean outOfMemoryLine;
    private volatile boolean serving;
    private volatile boolean closedWhileAlive;
    private boolean closed;

    private ReceiverJvm(Host host, Process process, int port) {
        this.host = host;
        this.process = process;
        this.port = port;
        this.reader = new Thread(this::read, "receiver-output-" + host.label());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts the host's receiver and waits until it serves.
     *
     * @param heap        the child's -Xmx, e.g. {@code 256m}
     * @param verifyToken the route's verify token, handed over in the environment (not on the command line)
     */
    static ReceiverJvm start(Host host, String heap, String verifyToken, Duration startTimeout) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-cp");
        command.add(host.classPath(System.getProperty("java.class.path")));
        command.add(host.receiver().getName());
        command.add(String.valueOf(port));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(ReceiverProbe.VERIFY_TOKEN_VARIABLE, verifyToken);
        ReceiverJvm jvm = new ReceiverJvm(host, builder.start(), port);
        try {
            if (!jvm.ready.await(startTimeout.toMillis(), TimeUnit.MILLISECONDS) || !jvm.serving) {
                throw new IllegalStateException(
                        "the " + host.label() + " receiver did not start within " + startTimeout
                                                + "; its last lines:\n" + jvm.lastLines());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the " + host.label() + " receiver started", e);
        } catch (RuntimeException e) {
            jvm.process.destroyForcibly();
            throw e;
        }
        return jvm;
    }

    int port() {
        return port;
    }

    /** Sets how long the route takes per event. */
    void slowRoute(long millis) {
        tell(ReceiverProbe.SLOW + millis);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Whether the JVM ended on out-of-memory (its exit code, or the line the JVM prints). */
    boolean ranOutOfMemory() {
        return outOfMemoryLine || !process.isAlive() && process.exitValue() == OUT_OF_MEMORY_EXIT;
    }

    /** Whether the JVM ended before it was asked to stop. */
    boolean endedByItself() {
        return !process.isAlive() && !closedWhileAlive;
    }

    /** How often each event key was routed; complete once {@link #close()} returned. */
    Map<String, AtomicInteger> routed() {
        return routed;
    }

    long peakHeapAfterCollection() {
        return peakAfterCollection.get();
    }

    long peakHeapInUse() {
        return peakInUse.get();
    }

    String lastLines() {
        synchronized (lastLines) {
            return String.join("\n", lastLines);
        }
    }

    private void tell(String line) {
        try {
            process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        } catch (IOException e) {
            // the receiver ended; ranOutOfMemory() and endedByItself() tell why
        }
    }

    private void read() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(ReceiverProbe.ROUTED)) {
                    routed.computeIfAbsent(line.substring(ReceiverProbe.ROUTED.length()), key -> new AtomicInteger())
                            .incrementAndGet();
                } else if (line.startsWith(ReceiverProbe.HEAP)) {
                    String[] peaks = line.substring(ReceiverProbe.HEAP.length()).split(" ");
                    peakAfterCollection.accumulateAndGet(Long.parseLong(peaks[0]), Math::max);
                    peakInUse.accumulateAndGet(Long.parseLong(peaks[1]), Math::max);
                } else if (line.startsWith(ReceiverProbe.PORT)) {
                    serving = true;
                    ready.countDown();
                } else {
                    keep(line);
                }
            }
        } catch (IOException e) {
            // the receiver ended
        }
        ready.countDown();
    }

    private void keep(String line) {
        if (line.contains("java.lang.OutOfMemoryError")) {
            outOfMemoryLine = true;
        }
        synchronized (lastLines) {
            lastLines.addLast(line);
            if (lastLines.size() > KEPT_LINES) {
                lastLines.removeFirst();
            }
        }
        System.out.println("  [" + host.label() + "] " + line);
    }

    /** Stops the receiver (closes its input) and reads the rest of its output. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closedWhileAlive = process.isAlive();
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
