package com.easycrm4u.camel.waapi.producer;

import java.util.Map;

import com.easycrm4u.camel.waapi.LogCapture;
import com.easycrm4u.camel.waapi.WaapiComponent;
import com.easycrm4u.camel.waapi.WaapiTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A producer endpoint's credentials and limits are checked when it starts: a stray character or an impossible timeout
 * fails the start with a message that names the option, and the credential never shows in a log line or exception.
 */
class StartChecksTest extends WaapiTestSupport {

    private static final Map<String, Object> TEXT = Map.of("to", "917890000198", "fromPhoneNo", "+917890000199",
            "body", "Hi");

    @ParameterizedTest(name = "apiSecret ending in {0}")
    @ValueSource(strings = { "\n", "\r\n", " ", "\t", "\u0000" })
    void aSecretWithAStrayCharacterFailsTheStartAndNeverReachesALog(String stray) {
        stub(post(anyUrl()), 200, "{\"success\": true, \"data\": {\"messageId\": \"wamid.X\"}}");
        waapi().getConfiguration().setApiSecret(API_SECRET + stray);

        LogCapture run = LogCapture.of(() -> {
            addRoute("waapi:cloud/text");
            Exchange exchange = template.send("direct:checked", e -> e.getMessage().setBody(TEXT));
            if (exchange.getException() != null) {
                throw exchange.getException();
            }
        });

        assertThat(run.thrown()).as("the route does not start").isNotNull();
        assertThat(rootMessage(run.thrown())).contains("apiSecret").contains("line break").contains("not shown");
        assertThat(run.everything()).doesNotContain(API_SECRET);
    }

    @ParameterizedTest(name = "apiKey {0}")
    @ValueSource(strings = { "waapi_TEST KEY", "waapi_TEST_KEY\n", "waapi_TÉST_KEY" })
    void anApiKeyWithAStrayCharacterFailsTheStart(String key) {
        waapi().getConfiguration().setApiKey(key);

        LogCapture run = LogCapture.of(() -> addRoute("waapi:cloud/text"));

        assertThat(run.thrown()).isNotNull();
        assertThat(rootMessage(run.thrown())).contains("apiKey").contains("not shown");
        assertThat(run.everything()).doesNotContain(key.strip());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "requestTimeout, 0", "requestTimeout, -1", "connectTimeout, 0", "connectTimeout, -5",
            "maxResponseSize, 0", "maxRetryAfter, -1", "rateLimitRetries, -1" })
    void anImpossibleLimitFailsTheStart(String option, String value) {
        LogCapture run = LogCapture.of(() -> addRoute("waapi:cloud/text?" + option + "=" + value));

        assertThat(run.thrown()).as("the route does not start").isNotNull();
        assertThat(rootMessage(run.thrown())).contains(option).contains(value);
    }

    @Test
    void theSmallestPossibleLimitsAreAccepted() {
        LogCapture run = LogCapture.of(() -> addRoute("waapi:cloud/text?requestTimeout=1&connectTimeout=1&maxResponseSize=1"
                                                      + "&maxRetryAfter=0&rateLimitRetries=0"));

        assertThat(run.thrown()).as("the route starts").isNull();
        assertThat(context.getRouteController().getRouteStatus(context.getRoutes().get(0).getRouteId()).isStarted()).isTrue();
    }

    private void addRoute(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:checked").to(uri);
            }
        });
    }

    private WaapiComponent waapi() {
        return context.getComponent("waapi", WaapiComponent.class);
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
