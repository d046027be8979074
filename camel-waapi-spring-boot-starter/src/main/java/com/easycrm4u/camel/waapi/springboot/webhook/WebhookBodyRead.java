package com.easycrm4u.camel.waapi.springboot.webhook;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;

import com.easycrm4u.camel.waapi.webhook.internal.WebhookGate;

/**
 * Receives the body of one admitted webhook request without holding a thread while the sender is slow (Servlet
 * non-blocking input in an async cycle whose timeout is the read deadline), keeping only the bytes that arrived and
 * counting them as unverified; then dispatches the request, with its body in memory, to the consumer Spring MVC
 * matched. A body over maxBodySize is answered 413, one that does not arrive in time 408, one that would take the
 * unverified bytes past their bound 503; each closes the connection, so its rest is never read.
 */
final class WebhookBodyRead implements ReadListener, AsyncListener {

    private enum State {
        READING,
        DISPATCHED,
        ANSWERED
    }

    private static final int FIRST_CHUNK = 256;
    private static final int CHUNK = 8192;

    private final WebhookGate gate;
    private final ServletInputStream input;
    private final ReadBodyRequest request;
    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] last;
    private int lastSize;
    private AsyncContext async;
    private State state = State.READING;
    private long size;
    private long held;

    WebhookBodyRead(HttpServletRequest request, WebhookGate gate) throws IOException {
        this.gate = gate;
        this.input = request.getInputStream();
        this.request = new ReadBodyRequest(request, this::release);
    }

    /** The request the consumer gets: the original one with the body received here. */
    ReadBodyRequest request() {
        return request;
    }

    /** Starts reading in this async cycle; the container calls back as bytes arrive. */
    void start(AsyncContext async, long readTimeoutMillis) {
        synchronized (this) {
            this.async = async;
        }
        async.setTimeout(readTimeoutMillis);
        async.addListener(this);
        input.setReadListener(this);
    }

    /**
     * Reads what has arrived straight into the last chunk, which grows by doubling up to {@value #CHUNK} bytes: what is
     * held stays within twice the bytes that arrived, however small the pieces a sender trickles them in.
     */
    @Override
    public synchronized void onDataAvailable() throws IOException {
        while (state == State.READING && input.isReady()) {
            if (last == null || lastSize == last.length) {
                grow();
            }
            long room = gate.maxBodySize() + 1 - size;
            int read = input.read(last, lastSize, (int) Math.min(last.length - lastSize, room));
            if (read < 0) {
                return; // onAllDataRead follows
            }
            if (size + read > gate.maxBodySize()) {
                refuse(WebhookGate.Refusal.BODY_TOO_LARGE);
                return;
            }
            if (!gate.holdUnverified(read)) {
                refuse(WebhookGate.Refusal.UNVERIFIED_BYTES_EXCEEDED);
                return;
            }
            held += read;
            size += read;
            lastSize += read;
        }
    }

    private void grow() {
        if (last != null && last.length == CHUNK) {
            chunks.add(last);
            last = null;
            lastSize = 0;
        }
        last = last == null ? new byte[FIRST_CHUNK] : Arrays.copyOf(last, Math.min(CHUNK, last.length * 2));
    }

    @Override
    public synchronized void onAllDataRead() {
        if (state != State.READING) {
            return;
        }
        state = State.DISPATCHED;
        if (lastSize > 0) {
            chunks.add(lastSize == last.length ? last : Arrays.copyOf(last, lastSize));
        }
        last = null;
        request.setBody(chunks);
        chunks.clear();
        async.dispatch();
    }

    @Override
    public synchronized void onError(Throwable failure) {
        // the sender went away or the connection broke while the body was arriving: nobody to answer
        if (state == State.READING) {
            state = State.ANSWERED;
            chunks.clear();
            last = null;
            release();
            async.complete();
        }
    }

    @Override
    public synchronized void onTimeout(AsyncEvent event) throws IOException {
        if (state == State.READING) {
            refuse(WebhookGate.Refusal.BODY_TIMEOUT);
        }
    }

    @Override
    public void onComplete(AsyncEvent event) {
        release();
    }

    @Override
    public void onError(AsyncEvent event) {
        release();
    }

    /** Spring MVC starts a cycle of its own for the consumer: follow the request into it, to release at its end. */
    @Override
    public void onStartAsync(AsyncEvent event) {
        event.getAsyncContext().addListener(this);
    }

    private void refuse(WebhookGate.Refusal refusal) throws IOException {
        state = State.ANSWERED;
        chunks.clear();
        last = null;
        release();
        gate.refuse(refusal, WebhookAnswers.closing(() -> async));
    }

    /** Once the consumer read the body (and checked its signature right after), or the request ended. */
    private synchronized void release() {
        if (held > 0) {
            gate.releaseUnverified(held);
            held = 0;
        }
    }
}
