package com.easycrm4u.camel.waapi.producer;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;

import com.easycrm4u.camel.waapi.WaapiComponent;
import com.easycrm4u.camel.waapi.WaapiConfiguration;
import com.easycrm4u.camel.waapi.WaapiTestSupport;
import com.easycrm4u.camel.waapi.model.PingResult;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component's {@code httpClient} option: the API calls go through the client the user configured (here one whose
 * proxy is the mock server, so an unresolvable API host is still reached on loopback).
 */
class CustomHttpClientTest extends WaapiTestSupport {

    @Override
    protected void configure(WaapiConfiguration configuration) {
        super.configure(configuration);
        configuration.setBaseUrl("http://api.waapi.invalid" + BASE_PATH);
    }

    @Test
    void callsGoThroughTheConfiguredHttpClient() {
        stub(get(urlPathEqualTo(path("/ping"))), 200, "{\"success\": true, \"pong\": true, \"apiKeyName\": \"Proxied\"}");
        ((WaapiComponent) context.getComponent("waapi")).setHttpClient(HttpClient.newBuilder()
                .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", wireMock.port())))
                .build());

        Exchange exchange = send("waapi:ping", null);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(PingResult.class).getApiKeyName()).isEqualTo("Proxied");
        verifyGetRequest("/ping");
    }

    @Test
    void plainHttpCallsAreHttp11WithoutAnUpgradeAttempt() {
        // a client of the JDK's defaults would ask plain-HTTP servers for an h2c upgrade, which some proxies refuse
        stub(get(urlPathEqualTo(path("/ping"))), 200, "{\"success\": true, \"pong\": true}");
        ((WaapiComponent) context.getComponent("waapi")).setHttpClient(HttpClient.newHttpClient());

        assertThat(send("waapi:ping?baseUrl=" + baseUrl(), null).getException()).isNull();

        LoggedRequest request = wireMock.getAllServeEvents().get(0).getRequest();
        assertThat(request.getProtocol()).isEqualTo("HTTP/1.1");
        assertThat(request.containsHeader("Upgrade")).isFalse();
    }
}
