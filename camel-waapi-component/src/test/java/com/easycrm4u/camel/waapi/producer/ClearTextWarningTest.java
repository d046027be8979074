package com.easycrm4u.camel.waapi.producer;

import com.easycrm4u.camel.waapi.LogCapture;
import com.easycrm4u.camel.waapi.WaapiTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plain http to another machine sends the API key and secret in clear: the endpoint warns when it starts. The sandbox
 * on this machine stays silent. Nothing is sent: the endpoints only start.
 */
class ClearTextWarningTest extends WaapiTestSupport {

    @ParameterizedTest
    @CsvSource({
            "http://waapi.example.com/api/v1/external, http://waapi.example.com without TLS",
            "http://10.20.30.40:8080/api, http://10.20.30.40:8080 without TLS",
            "HTTP://api.example.org, http://api.example.org without TLS",
            "http://[2001:db8::1]:8089/api, http://[2001:db8::1]:8089 without TLS" })
    void plainHttpToAnotherHostWarnsAtStart(String baseUrl, String named) {
        LogCapture run = LogCapture.of(() -> start("waapi:cloud/text?baseUrl=" + baseUrl));

        assertThat(run.thrown()).isNull();
        assertThat(run.log()).contains("WARN").contains("waapi:cloud/text calls " + named).contains("in clear")
                .contains("https://");
        assertThat(run.log()).doesNotContain(API_KEY).doesNotContain(API_SECRET);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1:8089/api/v1/external", "http://localhost:8089/api",
            "http://[::1]:8089/api", "https://waapi.example.com/api/v1/external" })
    void loopbackAndHttpsStaySilent(String baseUrl) {
        LogCapture run = LogCapture.of(() -> start("waapi:cloud/text?baseUrl=" + baseUrl));

        assertThat(run.thrown()).isNull();
        assertThat(run.log()).doesNotContain("without TLS");
    }

    private void start(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:start").to(uri);
            }
        });
    }
}
