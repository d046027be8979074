package com.easycrm4u.camel.waapi.client;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

import com.easycrm4u.camel.waapi.internal.CappedBuffer;
import io.vertx.core.AsyncResult;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * The transport over Vert.x's {@code HttpClient}: non-blocking on Netty, with a bounded pool of kept-alive connections
 * shared by the endpoints of a component. It knows when a request left: a failure before a connection was had is
 * reported as a {@link NotSentException}, one after as what happened.
 */
public final class VertxTransport implements WaapiTransport {

    private static final long POOL_WAIT_GRACE_MILLIS = 1000;

    private final Vertx vertx;
    private final HttpClient http;
    private final String host;
    private final int port;
    private final boolean ssl;
    private final String basePath;
    private final String authority;
    private final MultiMap headersWithBody;
    private final MultiMap headersWithoutBody;
    private final long timeoutMillis;
    private final int cap;
    /** The options of the last call: an endpoint makes one call over and over, so they are kept, not rebuilt. */
    private volatile Target last;

    /**
     * @param vertx runs the timers of the request timeout
     * @param http  the client of the base URL's scheme: HTTP/2 by ALPN for https, HTTP/1.1 for http
     */
    public VertxTransport(Vertx vertx, HttpClient http, ClientOptions options) {
        this.vertx = vertx;
        this.http = http;
        URI root = URI.create(ClientOptions.withoutTrailingSlash(options.baseUrl()));
        this.ssl = "https".equalsIgnoreCase(root.getScheme());
        this.host = root.getHost();
        this.port = root.getPort() > 0 ? root.getPort() : ssl ? 443 : 80;
        this.basePath = root.getRawPath() == null ? "" : root.getRawPath();
        this.authority = root.getAuthority();
        this.timeoutMillis = options.requestTimeout().toMillis();
        this.cap = options.maxResponseSize();
        RequestHeaders headers = new RequestHeaders(options);
        this.headersWithBody = multiMap(headers.pairs(true));
        this.headersWithoutBody = multiMap(headers.pairs(false));
    }

    private static MultiMap multiMap(String[] pairs) {
        MultiMap headers = HttpHeaders.headers();
        for (int i = 0; i < pairs.length; i += 2) {
            headers.add(pairs[i], pairs[i + 1]);
        }
        return headers;
    }

    @Override
    public CompletableFuture<ApiResponse> send(String method, String path, byte[] body) {
        Call call = new Call(body);
        call.timer = vertx.setTimer(timeoutMillis, id -> call.timedOut());
        try {
            http.request(target(method, path, body != null).options).onComplete(call::connected);
        } catch (RuntimeException e) {
            // the client is closed: the component is stopping
            call.fail(new NotSentException(null, e));
        }
        return call.result;
    }

    private Target target(String method, String path, boolean withBody) {
        Target target = last;
        if (target != null && target.method == method && target.path == path && target.withBody == withBody) {
            return target;
        }
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.valueOf(method)).setHost(host).setPort(port)
                .setSsl(ssl).setURI(basePath + path).setFollowRedirects(false)
                .setHeaders(withBody ? headersWithBody : headersWithoutBody)
                // a call that waits for a free connection leaves the pool's queue a little after its own timer ended it,
                // so that timer, which says what happened in the same words whatever the host, always comes first
                .setConnectTimeout(timeoutMillis + POOL_WAIT_GRACE_MILLIS);
        target = new Target(method, path, withBody, options);
        last = target;
        return target;
    }

    private record Target(String method, String path, boolean withBody, RequestOptions options) {
    }

    /** One call: sent once, answered or failed once, whichever of the answer, a failure and the timer comes first. */
    private final class Call {

        private final CompletableFuture<ApiResponse> result = new CompletableFuture<>();
        private final byte[] body;
        private long timer;
        private HttpClientRequest request;
        private boolean over;
        private CappedBuffer kept;

        Call(byte[] body) {
            this.body = body;
        }

        void connected(AsyncResult<HttpClientRequest> connected) {
            if (connected.failed()) {
                fail(new NotSentException(null, connected.cause()));
                return;
            }
            HttpClientRequest sending = connected.result();
            synchronized (this) {
                if (over) {
                    // out of time before a connection was had: the request is dropped unsent
                    sending.reset();
                    return;
                }
                request = sending;
            }
            sending.exceptionHandler(this::fail);
            (body != null ? sending.send(Buffer.buffer(body)) : sending.send()).onComplete(this::answered);
        }

        private void answered(AsyncResult<HttpClientResponse> answered) {
            if (answered.failed()) {
                fail(answered.cause());
                return;
            }
            HttpClientResponse response = answered.result();
            String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
            long declared = length != null ? declaredLength(length) : -1;
            if (declared > cap) {
                finish(response, true);
                return;
            }
            kept = new CappedBuffer(cap, declared);
            response.exceptionHandler(this::fail);
            response.handler(chunk -> read(response, chunk));
            response.endHandler(end -> finish(response, false));
        }

        /** Netty refuses an answer whose Content-Length is not a number before it gets here. */
        private long declaredLength(String length) {
            return Long.parseLong(length.trim());
        }

        private void read(HttpClientResponse response, Buffer chunk) {
            if (result.isDone()) {
                return;
            }
            if (!kept.add(chunk.length(), (target, offset, length) -> chunk.getBytes(0, length, target, offset))) {
                finish(response, true);
            }
        }

        private void finish(HttpClientResponse response, boolean overCap) {
            byte[] bytes = kept != null ? kept.toByteArray() : new byte[0];
            ApiResponse answer = new ApiResponse(response.statusCode(), bytes, overCap, response.getHeader("Retry-After"));
            if (end()) {
                if (overCap) {
                    // the rest is not read: closing the connection is the only way to stop it
                    response.request().reset();
                }
                result.complete(answer);
            }
        }

        void timedOut() {
            if (!claimEnd()) {
                return;
            }
            if (request == null) {
                result.completeExceptionally(new NotSentException(
                        "no connection to " + authority + " could be had within "
                                                                  + timeoutMillis + " ms (requestTimeout)",
                        null));
            } else {
                request.reset();
                result.completeExceptionally(new TimeoutException("no answer within " + timeoutMillis + " ms"));
            }
        }

        void fail(Throwable failure) {
            if (!end()) {
                return;
            }
            if (request != null) {
                request.reset();
            }
            result.completeExceptionally(failure);
        }

        /** Ends the call before its timer: false when it had ended already. */
        private boolean end() {
            if (!claimEnd()) {
                return false;
            }
            vertx.cancelTimer(timer);
            return true;
        }

        /** Whether this is the first end of the call; {@link #request} is read safely after it. */
        private synchronized boolean claimEnd() {
            if (over) {
                return false;
            }
            over = true;
            return true;
        }
    }
}
