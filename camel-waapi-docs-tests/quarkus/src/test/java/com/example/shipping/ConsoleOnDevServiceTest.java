package com.example.shipping;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.model.SendResult;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.PredicateBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import static org.apache.camel.builder.Builder.header;
import static org.apache.camel.builder.Builder.simple;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WAAPI Dev Service's console (on by default in dev mode, asked for here in test mode): what a developer does in
 * the browser reaches the application's waapi:webhook route as a signed webhook, as WAAPI would send it.
 */
@QuarkusTest
@TestProfile(ConsoleOnDevServiceTest.WithConsole.class)
class ConsoleOnDevServiceTest {

    public static class WithConsole implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.camel.waapi.devservices.console", "true");
        }
    }

    @ConfigProperty(name = "waapi.sandbox.url")
    String sandboxUrl;

    @Inject
    ProducerTemplate template;

    @Inject
    CamelContext context;

    @Test
    void aReplyAndAFailureMadeInTheConsoleReachTheWebhookRoute() throws Exception {
        NotifyBuilder reply = new NotifyBuilder(context).fromRoute("delivery-statuses")
                .whenAnyReceivedMatches(PredicateBuilder.and(header(WaapiConstants.EVENT_KIND).isEqualTo("message"),
                        header(WaapiConstants.FROM).isEqualTo("917890000198"),
                        simple("${body.message.text.body} == 'Where is my parcel?'")))
                .create();
        NotifyBuilder failed = new NotifyBuilder(context).fromRoute("delivery-statuses")
                .whenAnyReceivedMatches(PredicateBuilder.and(header(WaapiConstants.STATUS).isEqualTo("failed"),
                        simple("${body.status.errors[0].code} == 131026")))
                .create();

        SendResult sent = template.requestBodyAndHeader("direct:orderShipped", List.of("Sayantan", "AWB-12345"),
                "customerPhone", "+917890000198", SendResult.class);

        assertThat(post("reply", "{\"customer\":\"+917890000198\",\"text\":\"Where is my parcel?\"}")).isEqualTo(202);
        assertThat(post("fail", "{\"messageId\":\"" + sent.getMessageId() + "\",\"code\":131026}")).isEqualTo(202);

        assertThat(reply.matches(20, TimeUnit.SECONDS)).as("the customer's reply reached the route").isTrue();
        assertThat(failed.matches(20, TimeUnit.SECONDS)).as("the failed status reached the route").isTrue();
    }

    private int post(String action, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandboxUrl + "/console/api/" + action))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
