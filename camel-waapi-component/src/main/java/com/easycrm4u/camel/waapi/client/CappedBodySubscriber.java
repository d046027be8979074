package com.easycrm4u.camel.waapi.client;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

import com.easycrm4u.camel.waapi.internal.CappedBuffer;

/**
 * Reads a response body up to a cap. Past the cap it cancels the subscription, which closes the connection, and
 * completes with what it has: a wrong base URL or a broken proxy streaming without end cannot fill the heap.
 */
final class CappedBodySubscriber implements HttpResponse.BodySubscriber<ApiResponse> {

    private final int status;
    private final String retryAfter;
    private final boolean declaredOverCap;
    private final CappedBuffer buffer;
    private final CompletableFuture<ApiResponse> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private CappedBodySubscriber(int status, String retryAfter, int cap, long declaredLength) {
        this.status = status;
        this.retryAfter = retryAfter;
        this.declaredOverCap = declaredLength > cap;
        this.buffer = new CappedBuffer(cap, declaredLength);
    }

    /** The body handler: a declared Content-Length over the cap is refused before a byte of the body is read. */
    static HttpResponse.BodyHandler<ApiResponse> handler(int cap) {
        return info -> new CappedBodySubscriber(
                info.statusCode(), info.headers().firstValue("Retry-After").orElse(null), cap,
                info.headers().firstValueAsLong("Content-Length").orElse(-1L));
    }

    @Override
    public CompletionStage<ApiResponse> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (declaredOverCap) {
            subscription.cancel();
            result.complete(new ApiResponse(status, new byte[0], true, retryAfter));
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
            if (!buffer.add(item)) {
                subscription.cancel();
                result.complete(new ApiResponse(status, buffer.toByteArray(), true, retryAfter));
                return;
            }
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable failure) {
        result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        result.complete(new ApiResponse(status, buffer.toByteArray(), false, retryAfter));
    }
}
