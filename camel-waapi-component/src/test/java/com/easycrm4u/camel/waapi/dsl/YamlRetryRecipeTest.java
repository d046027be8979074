package com.easycrm4u.camel.waapi.dsl;

import java.util.Map;

import com.easycrm4u.camel.waapi.WaapiTestSupport;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The YAML retry recipe of the docs: a 503 is redelivered, an unknown outcome after it is not, and goes to its own
 * clause.
 */
class YamlRetryRecipeTest extends WaapiTestSupport {

    private static final Map<String, Object> TEXT = Map.of("to", "917890000198", "fromPhoneNo", "+917890000199",
            "body", "Hi");

    private Main main;

    @BeforeEach
    void startMain() throws Exception {
        main = new Main();
        main.configure().withRoutesIncludePattern("classpath:routes/retry-recipe.yaml");
        main.addInitialProperty("camel.component.waapi.base-url", baseUrl());
        main.addInitialProperty("camel.component.waapi.api-key", API_KEY);
        main.start();
    }

    @AfterEach
    void stopMain() {
        main.stop();
    }

    @Test
    void aServerErrorIsRedeliveredAndAnUnknownOutcomeAfterItIsNot() throws Exception {
        wireMock.stubFor(post(anyUrl()).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(503, "{\"success\": false, \"message\": \"busy\"}")).willSetStateTo("gateway"));
        wireMock.stubFor(post(anyUrl()).inScenario("flaky").whenScenarioStateIs("gateway")
                .willReturn(aResponse().withStatus(504).withBody("gateway timeout")));
        CamelContext camel = main.getCamelContext();
        MockEndpoint unknown = camel.getEndpoint("mock:outcome-unknown", MockEndpoint.class);
        unknown.expectedMessageCount(1);

        Exchange exchange = camel.createProducerTemplate().send("direct:recipe", e -> e.getMessage().setBody(TEXT));

        unknown.assertIsSatisfied();
        assertThat(exchange.getException()).isNull();
        wireMock.verify(2, RequestPatternBuilder.allRequests());
    }
}
