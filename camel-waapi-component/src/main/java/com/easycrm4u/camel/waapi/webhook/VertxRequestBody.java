package com.easycrm4u.camel.waapi.webhook;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

/**
 * Reads the body of a paused Vert.x request up to a limit, chunk by chunk as the event loop delivers it, so neither
 * Vert.x nor this class ever holds more than the limit: on the event loop where the webhook is a route of the Vert.x
 * router ({@link VertxWebhookRoute}), or for a worker thread that was handed the paused request (platform-http with its
 * body handler off). Only loaded where Vert.x is on the classpath.
 */
final class VertxRequestBody {

    /** The most of an unread body discarded after an early answer before the connection is closed. */
    static final long SWALLOW_LIMIT = 2L * 1024 * 1024;
    private static final Duration SWALLOW_TIMEOUT = Duration.ofSeconds(5);

    private VertxRequestBody() {
    }

    /**
     * Reads the body on the worker thread that runs the consumer (a host that hands the paused request over to a
     * worker): the event loop collects it while the worker waits.
     */
    static WebhookBodyReader.Body read(Object vertxRequest, int maxBodySize, Duration timeout) {
        CompletableFuture<WebhookBodyReader.Body> result = new CompletableFuture<>();
        collect((HttpServerRequest) vertxRequest, maxBodySize, timeout, (body, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(body);
            }
        });
        try {
            // the collector's own timer answers first; this is for a request read off any Vert.x context
            return result.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            HttpServerRequest request = (HttpServerRequest) vertxRequest;
            request.pause();
            closeAfterAnswer(request);
            return new WebhookBodyReader.Body(null, WebhookOutcome.BODY_TIMEOUT);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the connection failed while the body was read", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the body was read", e);
        }
    }

    /**
     * Collects the body of a paused request as the event loop delivers it, never more than maxBodySize bytes: the first
     * chunk that would cross the limit ends it with {@link WebhookOutcome#BODY_TOO_LARGE}, a body not complete within
     * the timeout with {@link WebhookOutcome#BODY_TIMEOUT} (both then close the connection once answered). The result,
     * or the failure of the connection, is handed over once, on the event loop.
     */
    static void collect(
            HttpServerRequest request, int maxBodySize, Duration timeout,
            BiConsumer<WebhookBodyReader.Body, Throwable> done) {
        Collector collector = new Collector(maxBodySize, request.getHeader("Content-Length"));
        if (request.isEnded()) {
            // ended before anyone read it (a host that let it end unread): nothing was sent after the headers; a
            // handler set on an ended request would fail
            done.accept(new WebhookBodyReader.Body(collector.bytes(), null), null);
            return;
        }
        AtomicBoolean finished = new AtomicBoolean();
        Context context = Vertx.currentContext();
        long timer = context == null ? -1 : context.owner().setTimer(timeout.toMillis(), expired -> {
            if (finished.compareAndSet(false, true)) {
                request.pause();
                closeAfterAnswer(request);
                done.accept(new WebhookBodyReader.Body(null, WebhookOutcome.BODY_TIMEOUT), null);
            }
        });
        Runnable stopTimer = () -> {
            if (timer != -1) {
                context.owner().cancelTimer(timer);
            }
        };
        request.handler(chunk -> {
            if (!finished.get() && !collector.add(chunk) && finished.compareAndSet(false, true)) {
                stopTimer.run();
                request.pause();
                closeAfterAnswer(request);
                done.accept(new WebhookBodyReader.Body(null, WebhookOutcome.BODY_TOO_LARGE), null);
            }
        });
        request.exceptionHandler(failure -> {
            if (finished.compareAndSet(false, true)) {
                stopTimer.run();
                done.accept(null, failure);
            }
        });
        request.endHandler(end -> {
            if (finished.compareAndSet(false, true)) {
                stopTimer.run();
                done.accept(new WebhookBodyReader.Body(collector.bytes(), null), null);
            }
        });
        request.resume();
    }

    /**
     * Once the answer is written, discards at most {@link #SWALLOW_LIMIT} more of the unread body (as Tomcat does), so
     * a sender that writes a little too much still reads its answer, and closes the connection when more comes, or when
     * the rest does not come in time. Nothing of it is kept.
     */
    static void closeAfterAnswer(Object vertxRequest) {
        HttpServerRequest request = (HttpServerRequest) vertxRequest;
        if (request.version() == HttpVersion.HTTP_2) {
            return;
        }
        request.response().endHandler(written -> {
            if (request.isEnded()) {
                return;
            }
            AtomicLong left = new AtomicLong(SWALLOW_LIMIT);
            Context context = Vertx.currentContext();
            long timer = context != null
                    ? context.owner().setTimer(SWALLOW_TIMEOUT.toMillis(), expired -> request.connection().close())
                    : -1;
            request.handler(chunk -> {
                if (left.addAndGet(-chunk.length()) < 0) {
                    request.connection().close();
                }
            });
            request.endHandler(end -> {
                if (context != null) {
                    context.owner().cancelTimer(timer);
                }
            });
            request.exceptionHandler(failure -> request.connection().close());
            request.resume();
        });
    }

    /** The bytes of a body, in one array sized by Content-Length where it is declared and fits. */
    private static final class Collector {

        private final int limit;
        private byte[] bytes;
        private int size;

        Collector(int limit, String contentLength) {
            this.limit = limit;
            long declared = WebhookAdmission.declaredLength(contentLength);
            this.bytes = new byte[declared >= 0 && declared <= limit ? (int) declared : Math.min(limit, 8192)];
        }

        /** Adds a chunk; false when the body would grow past the limit (the chunk is then not kept). */
        boolean add(Buffer chunk) {
            int length = chunk.length();
            if ((long) size + length > limit) {
                return false;
            }
            if (size + length > bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(limit, Math.max((long) size + length, bytes.length * 2L)));
            }
            chunk.getBytes(bytes, size);
            size += length;
            return true;
        }

        byte[] bytes() {
            return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
        }
    }
}
