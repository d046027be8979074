package com.easycrm4u.camel.waapi.benchmarks.producer;

import java.util.concurrent.CancellationException;

import com.easycrm4u.camel.waapi.benchmarks.load.Call;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * The baseline with Apache HttpClient 5 async, as camel-http uses it: the same JSON and headers, up to 256 connections,
 * no redirects, no automatic retries.
 */
final class HttpClient5Loop implements Call, AutoCloseable {

    private final ObjectMapper mapper = new ObjectMapper();
    private final CloseableHttpAsyncClient client;
    private final String uri;

    HttpClient5Loop(int port) {
        this.uri = "http://127.0.0.1:" + port + TextSend.PATH;
        this.client = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create().setMaxConnTotal(256)
                        .setMaxConnPerRoute(256).build())
                .setIOReactorConfig(IOReactorConfig.custom().setTcpNoDelay(true).setSoTimeout(Timeout.ofSeconds(30)).build())
                .disableRedirectHandling().disableAutomaticRetries().build();
        client.start();
    }

    @Override
    public void start(Done done) {
        byte[] json = TextSend.json(mapper);
        SimpleHttpRequest request = SimpleRequestBuilder.post(uri).setBody(json, ContentType.APPLICATION_JSON)
                .addHeader("Accept", "application/json").addHeader("X-API-Key", TextSend.API_KEY)
                .addHeader("X-API-Secret", TextSend.API_SECRET).build();
        client.execute(request, new FutureCallback<>() {
            @Override
            public void completed(SimpleHttpResponse response) {
                done.ended(Answers.check(mapper, response.getCode(), response.getBodyBytes()));
            }

            @Override
            public void failed(Exception failure) {
                done.ended(failure);
            }

            @Override
            public void cancelled() {
                done.ended(new CancellationException());
            }
        });
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
