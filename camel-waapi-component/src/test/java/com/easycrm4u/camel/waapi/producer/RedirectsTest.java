package com.easycrm4u.camel.waapi.producer;

import java.net.http.HttpClient;
import java.util.Map;

import com.easycrm4u.camel.waapi.WaapiComponent;
import com.easycrm4u.camel.waapi.WaapiException;
import com.easycrm4u.camel.waapi.WaapiTestSupport;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.util.ObjectHelper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A redirect is never followed, by either transport: following it would copy X-API-Key and X-API-Secret to the host it
 * names, and a 307 or 308 would send the message again. A {@code httpClient} of the user's that would follow one is
 * refused when the producer starts.
 */
class RedirectsTest extends WaapiTestSupport {

    private static final String TEXT_PATH = "/whatsapp-api/messages/text";
    private static final Map<String, Object> TEXT = Map.of("to", "917890000198", "fromPhoneNo", "+917890000199",
            "body", "Hello");

    @ParameterizedTest
    @EnumSource(value = HttpClient.Redirect.class, names = { "NORMAL", "ALWAYS" })
    void aClientOfTheUsersThatFollowsRedirectsIsRefusedAtStart(HttpClient.Redirect policy) {
        context.getComponent("waapi", WaapiComponent.class)
                .setHttpClient(HttpClient.newBuilder().followRedirects(policy).build());

        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:redirecting").to("waapi:cloud/text");
            }
        })).satisfies(e -> {
            Throwable cause = ObjectHelper.getException(IllegalArgumentException.class, e);
            assertThat(cause).isNotNull().hasMessageContaining("httpClient follows redirects (HttpClient.Redirect." + policy)
                    .hasMessageContaining("X-API-Key and X-API-Secret to another host")
                    .hasMessageContaining("followRedirects(HttpClient.Redirect.NEVER)");
            assertThat(cause.getMessage()).doesNotContain(API_KEY).doesNotContain(API_SECRET);
        });
        wireMock.verify(0, RequestPatternBuilder.allRequests());
    }

    @ParameterizedTest(name = "{0} transport, HTTP {1}")
    @CsvSource({ "vertx, 307", "vertx, 308", "vertx, 301", "jdk, 307", "jdk, 308", "jdk, 301" })
    void aRedirectToAnotherHostIsNeverFollowed(String transport, int status) throws Exception {
        if ("jdk".equals(transport)) {
            context.getComponent("waapi", WaapiComponent.class).setHttpClient(HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER).build());
        }
        try (RawServer elsewhere = RawServer.start(socket -> socket.close())) {
            wireMock.stubFor(post(urlPathEqualTo(path(TEXT_PATH))).willReturn(aResponse().withStatus(status)
                    .withHeader("Location", "http://127.0.0.1:" + elsewhere.port() + "/collect")));

            Exchange exchange = send("waapi:cloud/text", TEXT);

            assertThat(exchange.getException()).isExactlyInstanceOf(WaapiException.class)
                    .hasMessageStartingWith("WAAPI POST " + TEXT_PATH + " answered HTTP " + status);
            assertThat(((WaapiException) exchange.getException()).isRetryable()).isFalse();
            assertThat(elsewhere.requests()).as("nothing went to the host the redirect named").isZero();
            wireMock.verify(1, RequestPatternBuilder.allRequests());
        }
    }
}
