package com.easycrm4u.camel.waapi.client;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body up to a cap. Past the cap it cancels the subscription, which closes the connection, and
 * completes with what it has: a wrong base URL or a broken proxy streaming without end cannot fill the heap.
 */
final class CappedBodySubscriber implements HttpResponse.BodySubscriber<Answer> {

    private final int status;
    private final String retryAfter;
    private final int cap;
    private final boolean declaredOverCap;
    private final CompletableFuture<Answer> result = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private byte[] buffer = new byte[0];
    private int size;

    private CappedBodySubscriber(int status, String retryAfter, int cap, boolean declaredOverCap) {
        this.status = status;
        this.retryAfter = retryAfter;
        this.cap = cap;
        this.declaredOverCap = declaredOverCap;
    }

    /** The body handler: a declared Content-Length over the cap is refused before a byte of the body is read. */
    static HttpResponse.BodyHandler<Answer> handler(int cap) {
        return info -> new CappedBodySubscriber(
                info.statusCode(), info.headers().firstValue("Retry-After").orElse(null), cap,
                info.headers().firstValueAsLong("Content-Length").orElse(-1L) > cap);
    }

    @Override
    public CompletionStage<Answer> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (declaredOverCap) {
            subscription.cancel();
            result.complete(new Answer(status, new byte[0], true, retryAfter));
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            int room = cap - size;
            if (item.remaining() > room) {
                append(item, room);
                subscription.cancel();
                result.complete(new Answer(status, Arrays.copyOf(buffer, size), true, retryAfter));
                return;
            }
            append(item, item.remaining());
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable failure) {
        result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        result.complete(new Answer(status, Arrays.copyOf(buffer, size), false, retryAfter));
    }

    private void append(ByteBuffer item, int length) {
        if (size + length > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.min(cap, Math.max(size + length, buffer.length * 2)));
        }
        item.get(buffer, size, length);
        size += length;
    }
}
