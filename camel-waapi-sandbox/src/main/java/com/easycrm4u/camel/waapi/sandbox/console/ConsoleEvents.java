package com.easycrm4u.camel.waapi.sandbox.console;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;

import com.sun.net.httpserver.HttpExchange;

/**
 * {@code GET /console/api/events}: a server-sent event {@code state} with {@code {"version": n}} whenever the state
 * changes, and a comment every heartbeat so that a page gone away is noticed (the write fails) and its thread freed.
 * Each open stream holds one thread of the sandbox's HTTP pool, so their number is bounded.
 */
final class ConsoleEvents {

    /** How many pages may listen at once. */
    static final int MAX_STREAMS = 16;
    /** How often a listening stream looks for a change. */
    static final Duration POLL = Duration.ofMillis(150);

    private final ConsoleState state;
    private final Duration heartbeat;
    private final Semaphore streams = new Semaphore(MAX_STREAMS);
    private final Object changes = new Object();
    private volatile boolean closed;

    ConsoleEvents(ConsoleState state, Duration heartbeat) {
        this.state = state;
        this.heartbeat = heartbeat;
    }

    /** Whether another stream may open; the caller answers 503 otherwise. */
    boolean tryOpen() {
        return streams.tryAcquire();
    }

    /** Streams until the page goes away or the sandbox closes; call after {@link #tryOpen()} said yes. */
    void stream(HttpExchange exchange) {
        try {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            long sent = state.version(Duration.ZERO);
            write(out, "retry: 1000\n\n" + event(sent));
            long lastWrite = System.nanoTime();
            while (!closed) {
                synchronized (changes) {
                    changes.wait(POLL.toMillis());
                }
                long version = state.version(POLL.dividedBy(2));
                if (version != sent) {
                    write(out, event(version));
                    sent = version;
                    lastWrite = System.nanoTime();
                } else if (System.nanoTime() - lastWrite >= heartbeat.toNanos()) {
                    write(out, ": heartbeat\n\n");
                    lastWrite = System.nanoTime();
                }
            }
        } catch (IOException gone) {
            // the page closed or reloaded: its stream ends here
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        } finally {
            streams.release();
            exchange.close();
        }
    }

    /** Something changed now (a console action): the streams look at once rather than at their next poll. */
    void nudge() {
        synchronized (changes) {
            changes.notifyAll();
        }
    }

    void close() {
        closed = true;
        nudge();
    }

    private static String event(long version) {
        return "event: state\ndata: {\"version\":" + version + "}\n\n";
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
