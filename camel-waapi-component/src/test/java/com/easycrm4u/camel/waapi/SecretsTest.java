package com.easycrm4u.camel.waapi;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * apiKey, apiSecret and webhookVerifyToken never show in printed endpoint URIs, toString(), exception messages or logs.
 */
class SecretsTest extends WaapiTestSupport {

    private static final String URI_KEY = "waapi_URI_KEY_s3cr3t";
    private static final String URI_SECRET = "secr_URI_SECRET_s3cr3t";
    private static final String VERIFY_TOKEN = "whvt_URI_TOKEN_s3cr3t";
    private static final List<String> SECRETS = List.of(URI_KEY, URI_SECRET, VERIFY_TOKEN, API_KEY, API_SECRET);
    private static final String SECRET_URI = "waapi:cloud/text?apiKey=RAW(" + URI_KEY + ")&apiSecret=RAW(" + URI_SECRET
                                             + ")&webhookVerifyToken=RAW(" + VERIFY_TOKEN + ")";

    @Test
    void printedEndpointHidesSecrets() {
        Endpoint endpoint = context.getEndpoint(SECRET_URI);
        WaapiEndpoint waapi = (WaapiEndpoint) endpoint;
        assertThat(waapi.getConfiguration().getApiKey()).as("the option itself is set").isEqualTo(URI_KEY);

        assertNoSecret(endpoint.toString());
        assertNoSecret(URISupport.sanitizeUri(endpoint.getEndpointUri()));
        assertNoSecret(waapi.getConfiguration().toString());
        assertThat(waapi.getConfiguration().toString()).as("what helps find a mistake is shown")
                .contains("baseUrl=" + baseUrl()).contains("path=/waapi/webhook").contains("verifySignature=true");
        assertNoSecret(context.getComponent("waapi").toString());
        assertThat(endpoint.toString()).contains("cloud/text");
    }

    @Test
    void exceptionsAndLogsHoldNoSecret() throws Exception {
        stub(post(anyUrl()), 401, "{\"success\": false, \"message\": \"Invalid API secret\"}");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:secret").routeId("secret-route")
                        .to("log:before?showAll=true")
                        .to(SECRET_URI);
            }
        });

        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        Exchange failed;
        Exchange invalid;
        try {
            System.setErr(capture);
            System.setOut(capture);
            failed = template.send("direct:secret",
                    e -> e.getMessage().setBody(Map.of("to", "917890000198", "fromPhoneNo", "+917890000199", "body", "Hi")));
            invalid = template.send("direct:secret", e -> e.getMessage().setBody(Map.of("body", "Hi")));
            Route route = context.getRoute("secret-route");
            System.err.println("route " + route + " " + route.getEndpoint() + " " + context.getEndpoints());
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);

        assertThat(failed.getException()).isInstanceOf(WaapiAuthenticationException.class);
        assertThat(invalid.getException()).isInstanceOf(WaapiValidationException.class);
        assertThat(logs).as("the log capture works").contains("Invalid API secret").contains("cloud/text");
        for (Exception e : List.of(failed.getException(), invalid.getException())) {
            assertNoSecret(e.getMessage());
            assertNoSecret(e.toString());
        }
        assertNoSecret(logs);
    }

    @Test
    void theWebhookSettingsHideTheVerifyTokens() {
        var settings = new com.easycrm4u.camel.waapi.webhook.internal.WebhookProcessor.Settings(
                "/waapi/webhook", true, List.of(VERIFY_TOKEN, URI_SECRET), java.util.Set.of(), true, null);

        assertNoSecret(settings.toString());
        assertThat(settings.toString()).contains("/waapi/webhook", "verifyTokens=2");
    }

    private static void assertNoSecret(String text) {
        for (String secret : SECRETS) {
            assertThat(text).doesNotContain(secret);
        }
    }
}
