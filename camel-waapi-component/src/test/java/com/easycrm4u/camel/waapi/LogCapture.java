package com.easycrm4u.camel.waapi;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * Runs an action and keeps everything it wrote to System.out and System.err (where slf4j-simple logs), and the
 * exception it threw with its whole cause chain and stack trace as Camel would log it.
 */
public final class LogCapture {

    public interface Action {
        void run() throws Exception;
    }

    private final String log;
    private final Throwable thrown;

    private LogCapture(String log, Throwable thrown) {
        this.log = log;
        this.thrown = thrown;
    }

    public static LogCapture of(Action action) {
        PrintStream err = System.err;
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        Throwable thrown = null;
        System.setErr(capture);
        System.setOut(capture);
        try {
            action.run();
        } catch (Exception e) {
            thrown = e;
        } finally {
            System.setErr(err);
            System.setOut(out);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        err.print(log);
        return new LogCapture(log, thrown);
    }

    /** What was logged. */
    public String log() {
        return log;
    }

    /** The exception the action threw, or null. */
    public Throwable thrown() {
        return thrown;
    }

    /** The log and the thrown exception's stack trace with all its causes. */
    public String everything() {
        if (thrown == null) {
            return log;
        }
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        return log + trace;
    }
}
