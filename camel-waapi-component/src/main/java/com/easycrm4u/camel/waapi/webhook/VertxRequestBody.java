package com.easycrm4u.camel.waapi.webhook;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

/**
 * Reads the body of a paused Vert.x request (platform-http with its body handler off) up to a limit, on the worker
 * thread that runs the consumer, so neither Vert.x nor this class ever holds more than the limit plus one chunk. Only
 * loaded where Vert.x is on the classpath.
 */
final class VertxRequestBody {

    /** The most of an unread body discarded after an early answer before the connection is closed. */
    static final long SWALLOW_LIMIT = 2L * 1024 * 1024;
    private static final Duration SWALLOW_TIMEOUT = Duration.ofSeconds(5);

    private VertxRequestBody() {
    }

    static WebhookBodyReader.Body read(Object vertxRequest, int maxBodySize, Duration timeout) {
        HttpServerRequest request = (HttpServerRequest) vertxRequest;
        CompletableFuture<WebhookBodyReader.Body> result = new CompletableFuture<>();
        Collector collector = new Collector(maxBodySize);
        request.handler(chunk -> {
            if (result.isDone()) {
                return;
            }
            if (!collector.add(chunk.getBytes())) {
                request.pause();
                closeAfterAnswer(request);
                result.complete(new WebhookBodyReader.Body(null, WebhookOutcome.BODY_TOO_LARGE));
            }
        });
        request.exceptionHandler(result::completeExceptionally);
        request.endHandler(end -> result.complete(new WebhookBodyReader.Body(collector.bytes(), null)));
        request.resume();
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
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
     * Once the answer is written, discards at most {@link #SWALLOW_LIMIT} more of the unread body (as Tomcat does), so a
     * sender that writes a little too much still reads its answer, and closes the connection when more comes, or when
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

    private static final class Collector {

        private final int limit;
        private byte[] bytes = new byte[0];
        private int size;

        Collector(int limit) {
            this.limit = limit;
        }

        /** Adds a chunk; false when the body would grow past the limit (the chunk is then not kept). */
        synchronized boolean add(byte[] chunk) {
            if ((long) size + chunk.length > limit) {
                return false;
            }
            if (size + chunk.length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.min(limit, Math.max(size + chunk.length, bytes.length * 2)));
            }
            System.arraycopy(chunk, 0, bytes, size, chunk.length);
            size += chunk.length;
            return true;
        }

        synchronized byte[] bytes() {
            return Arrays.copyOf(bytes, size);
        }
    }
}
