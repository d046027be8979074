package com.easycrm4u.camel.waapi.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.easycrm4u.camel.waapi.internal.WaapiFailures;

/**
 * The transport over a {@code java.net.http.HttpClient} of the user's own (the component's {@code httpClient} option):
 * its proxy, executor and TLS are the user's. It cannot tell a request that never left from one that did, so it reports
 * failures as the JDK threw them and {@link com.easycrm4u.camel.waapi.internal.WaapiFailures} judges by their type.
 * <p>
 * A client that follows redirects is refused: it would copy {@code X-API-Key} and {@code X-API-Secret} to whatever host
 * a redirect names, and send a message again on a 307 or 308.
 * <p>
 * Kept beside the faster {@link VertxTransport} on purpose: it is the documented way to reach the API through a proxy
 * (the component has no proxy options of its own) or with an executor or TLS set up by the application, and the
 * {@code httpClient} option is part of the user contract. Its weaker failure reporting is documented with the option.
 * What the two share (headers, the capped body) is built once, in {@link RequestHeaders} and
 * {@link com.easycrm4u.camel.waapi.internal.CappedBuffer}.
 */
public final class JdkTransport implements WaapiTransport {

    private final HttpClient http;
    private final ClientOptions options;
    private final String baseUrl;
    private final String[] headersWithBody;
    private final String[] headersWithoutBody;

    /**
     * @throws IllegalArgumentException when the client follows redirects
     */
    public JdkTransport(HttpClient http, ClientOptions options) {
        if (http.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException(
                    "The waapi component's httpClient follows redirects (HttpClient.Redirect." + http.followRedirects()
                                               + "): a redirect would copy X-API-Key and X-API-Secret to another host"
                                               + " and send a message again on 307 or 308. Build it with"
                                               + " followRedirects(HttpClient.Redirect.NEVER), the JDK's default");
        }
        this.http = http;
        this.options = options;
        this.baseUrl = ClientOptions.withoutTrailingSlash(options.baseUrl());
        RequestHeaders headers = new RequestHeaders(options);
        this.headersWithBody = headers.pairs(true);
        this.headersWithoutBody = headers.pairs(false);
    }

    @Override
    public CompletableFuture<ApiResponse> send(String method, String path, byte[] body) {
        HttpRequest request;
        CompletableFuture<HttpResponse<ApiResponse>> sent;
        try {
            request = request(method, path, body);
            sent = http.sendAsync(request, CappedBodySubscriber.handler(options.maxResponseSize()));
        } catch (RuntimeException e) {
            // what the JDK throws here may quote a header value: WaapiFailures names it, never passes it on
            return CompletableFuture.failedFuture(WaapiFailures.requestNotBuilt(method + " " + path, e));
        }
        // the request timeout of java.net.http ends with the response headers; this bounds the whole call
        return sent.copy()
                .orTimeout(options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((r, e) -> {
                    if (e != null) {
                        sent.cancel(true);
                    }
                })
                .thenApply(HttpResponse::body);
    }

    private HttpRequest request(String method, String path, byte[] body) {
        URI uri = URI.create(baseUrl + path);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(options.requestTimeout())
                .headers(body != null ? headersWithBody : headersWithoutBody);
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            // no h2c upgrade dance on plain HTTP: HTTP/2 is negotiated over TLS only
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        if (body != null) {
            builder.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }
}
