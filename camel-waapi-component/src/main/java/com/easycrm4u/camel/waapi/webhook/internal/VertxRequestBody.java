package com.easycrm4u.camel.waapi.webhook.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import com.easycrm4u.camel.waapi.internal.CappedBuffer;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

/**
 * Reads the body of a paused Vert.x request up to a limit, chunk by chunk as the event loop delivers it, so neither
 * Vert.x nor this class ever holds more than the limit: on the event loop where the webhook is a route of the Vert.x
 * router ({@link VertxWebhookRoute}), or for a worker thread that was handed the paused request (platform-http with its
 * body handler off).
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
    static WebhookBodyReader.Body read(HttpServerRequest request, WebhookLimits limits) {
        CompletableFuture<WebhookBodyReader.Body> result = new CompletableFuture<>();
        Consumer<WebhookOutcome> end = collect(request, limits, (body, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(body);
            }
        });
        try {
            // the collector's own timer answers first; this is for a request read off any Vert.x context
            return result.get(limits.getBodyReadTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            end.accept(WebhookOutcome.BODY_TIMEOUT);
            return new WebhookBodyReader.Body(null, WebhookOutcome.BODY_TIMEOUT);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the connection failed while the body was read", e.getCause());
        } catch (InterruptedException e) {
            end.accept(WebhookOutcome.FAILED);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the body was read", e);
        }
    }

    /**
     * Collects the body of a paused request as the event loop delivers it, never more than maxBodySize bytes, holding
     * memory only for the bytes that arrived (counted in the receiver's unverified bytes until the result is handed
     * over): the first chunk that would cross maxBodySize ends it with {@link WebhookOutcome#BODY_TOO_LARGE} (the
     * connection closed once answered, after at most {@link #SWALLOW_LIMIT} more are discarded); a chunk the receiver
     * cannot hold within maxUnverifiedBytes with {@link WebhookOutcome#UNVERIFIED_BYTES_EXCEEDED}, a body not complete
     * within the body read timeout with {@link WebhookOutcome#BODY_TIMEOUT} (both close the connection once answered).
     * The result, or the failure of the connection, is handed over once, on the event loop.
     *
     * @return ends the reading now with an outcome, unless it has ended
     */
    static Consumer<WebhookOutcome> collect(
            HttpServerRequest request, WebhookLimits limits, BiConsumer<WebhookBodyReader.Body, Throwable> done) {
        Collector collector = new Collector(request, limits, done);
        if (request.isEnded()) {
            // ended before anyone read it (a host that let it end unread): nothing was sent after the headers; a
            // handler set on an ended request would fail
            collector.end();
        } else {
            Context context = Vertx.currentContext();
            if (context != null) {
                collector.timer(context.owner(), limits.getBodyReadTimeout());
            }
            request.handler(collector::add);
            request.exceptionHandler(collector::fail);
            request.endHandler(ended -> collector.end());
            request.resume();
        }
        return collector::refuse;
    }

    /** Closes the connection as soon as the answer is written: nothing more of the request is read. */
    static void closeWhenAnswered(HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2) {
            return;
        }
        request.response().endHandler(written -> request.connection().close());
    }

    /**
     * Once the answer is written, discards at most {@link #SWALLOW_LIMIT} more of the unread body (as Tomcat does), so
     * a sender that writes a little too much still reads its answer, and closes the connection when more comes, or when
     * the rest does not come in time. Nothing of it is kept.
     */
    static void closeAfterAnswer(HttpServerRequest request) {
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

    /**
     * The bytes of a body as they arrive, in a {@link CappedBuffer} capped at maxBodySize. Every byte of its array is
     * counted in the receiver's unverified bytes, before it grows, until the reading ends. Chunks come on the event
     * loop; only the end may come from another thread (a worker that stopped waiting), so the count is given back
     * exactly once either way.
     */
    private static final class Collector {

        private final HttpServerRequest request;
        private final WebhookLimits limits;
        private final CappedBuffer bytes;
        private final BiConsumer<WebhookBodyReader.Body, Throwable> done;
        private final AtomicBoolean finished = new AtomicBoolean();
        private final AtomicLong held = new AtomicLong();
        private Vertx vertx;
        private long timer = -1;

        Collector(HttpServerRequest request, WebhookLimits limits, BiConsumer<WebhookBodyReader.Body, Throwable> done) {
            this.request = request;
            this.limits = limits;
            this.bytes = new CappedBuffer(
                    (int) Math.min(Integer.MAX_VALUE - 9L, limits.getMaxBodySize()),
                    WebhookAdmission.declaredLength(request.getHeader("Content-Length")));
            this.done = done;
        }

        void timer(Vertx owner, Duration timeout) {
            vertx = owner;
            timer = owner.setTimer(timeout.toMillis(), expired -> refuse(WebhookOutcome.BODY_TIMEOUT));
        }

        void add(Buffer chunk) {
            if (finished.get()) {
                return;
            }
            int length = chunk.length();
            if (!bytes.fits(length)) {
                refuse(WebhookOutcome.BODY_TOO_LARGE);
                return;
            }
            int more = bytes.growthFor(length);
            if (!limits.holdUnverified(more)) {
                refuse(WebhookOutcome.UNVERIFIED_BYTES_EXCEEDED);
                return;
            }
            held.addAndGet(more);
            if (finished.get()) {
                // ended meanwhile by a worker that stopped waiting
                release();
                return;
            }
            bytes.add(length, (target, offset, kept) -> chunk.getBytes(0, kept, target, offset));
        }

        void end() {
            if (finished.compareAndSet(false, true)) {
                stopTimer();
                try {
                    done.accept(new WebhookBodyReader.Body(bytes.toByteArray(), null), null);
                } finally {
                    // the receiver has checked the signature by now (on this thread), or the body waits for nobody
                    release();
                }
            }
        }

        void fail(Throwable failure) {
            if (finished.compareAndSet(false, true)) {
                stopTimer();
                release();
                done.accept(null, failure);
            }
        }

        void refuse(WebhookOutcome outcome) {
            if (finished.compareAndSet(false, true)) {
                stopTimer();
                request.pause();
                if (outcome == WebhookOutcome.BODY_TOO_LARGE) {
                    closeAfterAnswer(request);
                } else {
                    closeWhenAnswered(request);
                }
                release();
                done.accept(new WebhookBodyReader.Body(null, outcome), null);
            }
        }

        private void release() {
            limits.releaseUnverified(held.getAndSet(0));
        }

        private void stopTimer() {
            if (timer != -1) {
                vertx.cancelTimer(timer);
            }
        }
    }
}
