package com.easycrm4u.camel.waapi.webhook.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.vertx.core.http.HttpServerRequest;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;

/**
 * Reads the exact request bytes the signature is checked over, never more than maxBodySize + 1 of them, from whatever
 * the HTTP host hands over: bytes, a stream, decoded text, or (Vert.x, Camel Main and Quarkus, with the host's body
 * handler off) the paused request itself, which is then read here chunk by chunk. What it reads itself it holds in
 * buffers that grow with the bytes that arrived, counted in the receiver's unverified bytes, and within the body read
 * timeout of its own, whatever the host's.
 */
public final class WebhookBodyReader {

    /** The most read at once from a stream or reader. */
    private static final int CHUNK = 8192;

    /** The body as read: its bytes, or the refusal that ended the reading (too large, too slow, too much held). */
    public record Body(byte[] bytes, WebhookOutcome refusal) {

        static Body of(byte[] bytes, long maxBodySize) {
            return bytes.length > maxBodySize ? new Body(null, WebhookOutcome.BODY_TOO_LARGE) : new Body(bytes, null);
        }
    }

    private WebhookBodyReader() {
    }

    /**
     * Reads the body within the receiver's limits: at most maxBodySize + 1 bytes, within the body read timeout, holding
     * (in the receiver's unverified bytes) only what arrived, until this returns; the caller checks the signature next.
     */
    public static Body read(Message request, WebhookLimits limits) throws IOException, InvalidPayloadException {
        Object body = request.getBody();
        long maxBodySize = limits.getMaxBodySize();
        int limit = (int) Math.min(Integer.MAX_VALUE - 8L, maxBodySize + 1);
        if (body == null) {
            return Body.of(new byte[0], maxBodySize);
        }
        if (body instanceof byte[] array) {
            return Body.of(array, maxBodySize);
        }
        if (body instanceof InputStream stream) {
            try (stream; Reading reading = new Reading(stream, limits)) {
                return reading.readBytes(stream, limit);
            }
        }
        if (body instanceof String text) {
            return Body.of(text.getBytes(charset(request)), maxBodySize);
        }
        if (body instanceof Reader reader) {
            try (Reading reading = new Reading(reader, limits)) {
                return reading.readText(reader, limit, charset(request));
            }
        }
        if (body instanceof HttpServerRequest vertxRequest) {
            return VertxRequestBody.read(vertxRequest, limits);
        }
        return Body.of(request.getMandatoryBody(byte[].class), maxBodySize);
    }

    /**
     * After a refusal without reading the body: on a host that handed over the unread request, make sure the rest of
     * the body is not read either (the connection is closed once the answer is written).
     */
    public static void leaveUnread(Message request) {
        if (request.getBody() instanceof HttpServerRequest vertxRequest) {
            VertxRequestBody.closeAfterAnswer(vertxRequest);
        }
    }

    // a host that decoded the body already; a text body's bytes are only exact in its charset
    private static Charset charset(Message request) {
        String charset = request.getExchange().getProperty(Exchange.CHARSET_NAME, String.class);
        return charset != null ? Charset.forName(charset) : StandardCharsets.UTF_8;
    }

    /**
     * One reading of a stream or reader: its deadline (checked between reads, and closing the source when a read waits
     * past it, which ends that read on hosts whose streams are sockets) and the bytes it holds.
     */
    private static final class Reading implements AutoCloseable {

        private final WebhookLimits limits;
        private final long deadline;
        private final ScheduledFuture<?> closer;
        private volatile boolean expired;
        private long held;

        Reading(Closeable source, WebhookLimits limits) {
            this.limits = limits;
            long timeout = limits.getBodyReadTimeout().toNanos();
            this.deadline = System.nanoTime() + timeout;
            this.closer = Deadlines.EXECUTOR.schedule(() -> {
                expired = true;
                try {
                    source.close();
                } catch (IOException | RuntimeException e) {
                    // the read ends anyway at the next check of the deadline
                }
            }, timeout, TimeUnit.NANOSECONDS);
        }

        Body readBytes(InputStream stream, int limit) throws IOException {
            byte[] bytes = new byte[0];
            int size = 0;
            try {
                while (size < limit) {
                    if (size == bytes.length) {
                        int grown = (int) Math.min(limit, Math.max(size + (long) CHUNK, 2L * size));
                        if (!hold(grown - bytes.length)) {
                            return new Body(null, WebhookOutcome.UNVERIFIED_BYTES_EXCEEDED);
                        }
                        bytes = Arrays.copyOf(bytes, grown);
                    }
                    int read = stream.read(bytes, size, bytes.length - size);
                    if (read < 0) {
                        break;
                    }
                    size += read;
                    if (timedOut()) {
                        return new Body(null, WebhookOutcome.BODY_TIMEOUT);
                    }
                }
            } catch (IOException e) {
                if (timedOut()) {
                    return new Body(null, WebhookOutcome.BODY_TIMEOUT);
                }
                throw e;
            }
            return Body.of(size == bytes.length ? bytes : Arrays.copyOf(bytes, size), limit - 1L);
        }

        Body readText(Reader reader, int limit, Charset charset) throws IOException {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[CHUNK];
            try {
                int read;
                while (text.length() < limit
                        && (read = reader.read(buffer, 0, Math.min(buffer.length, limit - text.length()))) >= 0) {
                    // two bytes a char at most
                    if (!hold(2L * read)) {
                        return new Body(null, WebhookOutcome.UNVERIFIED_BYTES_EXCEEDED);
                    }
                    text.append(buffer, 0, read);
                    if (timedOut()) {
                        return new Body(null, WebhookOutcome.BODY_TIMEOUT);
                    }
                }
            } catch (IOException e) {
                if (timedOut()) {
                    return new Body(null, WebhookOutcome.BODY_TIMEOUT);
                }
                throw e;
            }
            return Body.of(text.toString().getBytes(charset), limit - 1L);
        }

        private boolean hold(long more) {
            if (!limits.holdUnverified(more)) {
                return false;
            }
            held += more;
            return true;
        }

        private boolean timedOut() {
            return expired || System.nanoTime() - deadline > 0;
        }

        @Override
        public void close() {
            closer.cancel(false);
            limits.releaseUnverified(held);
        }
    }

    /**
     * Where a stream or reader is closed when its body read timeout passes while a read waits: one daemon thread, made
     * on first use (not when the class is initialised, e.g. at a native image's build) and ended after a minute idle.
     */
    private static final class Deadlines {

        static final ScheduledThreadPoolExecutor EXECUTOR = create();

        private Deadlines() {
        }

        private static ScheduledThreadPoolExecutor create() {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "waapi-webhook-body-deadline");
                thread.setDaemon(true);
                // keeps no application class loader alive
                thread.setContextClassLoader(null);
                return thread;
            });
            executor.setRemoveOnCancelPolicy(true);
            executor.setKeepAliveTime(1, TimeUnit.MINUTES);
            executor.allowCoreThreadTimeOut(true);
            return executor;
        }
    }
}
