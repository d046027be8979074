package com.easycrm4u.camel.waapi.benchmarks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A main class of this module in a JVM of its own, on this JVM's class path, so a sink or a load generator does not
 * share the measured JVM's heap, JIT and GC. It prints {@code PORT <n>} when ready (or {@code READY}), then serves or
 * works until its standard input closes; further lines it prints are handed to {@link #lines()}.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;
    private final String firstLine;

    private ChildJvm(Process process) throws IOException {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        String ready = null;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("PORT ") || line.startsWith("READY")) {
                ready = line;
                break;
            }
            System.out.println("  [" + process.pid() + "] " + line);
        }
        if (ready == null) {
            throw new IllegalStateException("the child JVM ended without saying it was ready");
        }
        this.firstLine = ready;
    }

    public static ChildJvm start(String heap, Class<?> main, String... args) throws IOException {
        return start(heap, List.of(), main, args);
    }

    /**
     * @param jvmOptions further options of the child JVM, e.g. {@code -XX:StartFlightRecording=...} to profile it
     */
    public static ChildJvm start(String heap, List<String> jvmOptions, Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    public int port() {
        return Integer.parseInt(firstLine.substring(5).trim());
    }

    /** Sends one line to the child's standard input. */
    public void tell(String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    /** The next line the child prints; null when it ended. */
    public String readLine() throws IOException {
        return out.readLine();
    }

    public List<String> lines() throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null) {
            lines.add(line);
        }
        return lines;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already gone
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
