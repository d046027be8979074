package com.easycrm4u.camel.waapi.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.easycrm4u.camel.waapi.WaapiComponent;
import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.WaapiException;
import com.easycrm4u.camel.waapi.WaapiNotFoundException;
import com.easycrm4u.camel.waapi.WaapiOutcomeUnknownException;
import com.easycrm4u.camel.waapi.WaapiPermissionException;
import com.easycrm4u.camel.waapi.WaapiRateLimitException;
import com.easycrm4u.camel.waapi.model.CombinedSendResult;
import com.easycrm4u.camel.waapi.model.Contact;
import com.easycrm4u.camel.waapi.model.PingResult;
import com.easycrm4u.camel.waapi.model.QrLocationMessage;
import com.easycrm4u.camel.waapi.model.QrSession;
import com.easycrm4u.camel.waapi.model.SendResult;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The component's producers against the sandbox, in a CamelTestSupport test: the extension points the component at the
 * sandbox by itself, before the routes are added.
 */
class SandboxProducersTest extends CamelTestSupport {

    private static final String CUSTOMER = "+917890000198";

    /** The seed of the sandbox's fault injection: its shares of failures fall the same way in every run. */
    private static final long FAULT_SEED = 7;

    @RegisterExtension
    WaapiSandboxExtension waapi = new WaapiSandboxExtension(
            WaapiSandbox.builder()
                    .template(SandboxTemplate.of("order_shipped", "en").withBodyParameters(2))
                    .faultSeed(FAULT_SEED));

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:shipped").to("waapi:cloud/template?templateName=order_shipped&language=en");
            }
        };
    }

    @Test
    void theComponentPointsAtTheSandbox() {
        WaapiComponent component = context.getComponent("waapi", WaapiComponent.class);
        assertThat(component.getConfiguration().getBaseUrl()).isEqualTo(waapi.getSandbox().getBaseUrl());
        assertThat(component.getConfiguration().getFromPhoneNo()).isEqualTo(WaapiSandbox.DEFAULT_PHONE_NUMBER);
        assertThat(component.getConfiguration().getWebhookVerifyToken()).isEqualTo(WaapiSandbox.DEFAULT_WEBHOOK_VERIFY_TOKEN);

        PingResult pong = template.requestBody("waapi:ping", null, PingResult.class);
        assertThat(pong.getPong()).isTrue();
        assertThat(pong.getApiKeyName()).isEqualTo("Sandbox");
    }

    @Test
    void templateFromARoute() {
        Exchange exchange = template.request("direct:shipped", e -> {
            e.getMessage().setBody(List.of("Sayantan", "AWB-12345"));
            e.getMessage().setHeader(WaapiConstants.TO, CUSTOMER);
        });
        assertThat(exchange.getException()).isNull();
        SendResult result = exchange.getMessage().getBody(SendResult.class);
        assertThat(result.getStatus()).isEqualTo("sent");
        assertThat(exchange.getMessage().getHeader(WaapiConstants.MESSAGE_ID)).isEqualTo(result.getMessageId());
        SentMessage sent = waapi.getSandbox().getSentMessage(result.getMessageId());
        assertThat(sent.getType()).isEqualTo("template");
        assertThat(sent.getFrom()).isEqualTo("917890000199");
        assertThat(sent.getRequest().at("/components/0/parameters/1/text").asText()).isEqualTo("AWB-12345");
    }

    @Test
    void everyCloudSend() {
        WaapiSandbox sandbox = waapi.getSandbox();
        sandbox.openServiceWindow(CUSTOMER, WaapiSandbox.DEFAULT_PHONE_NUMBER);
        Map<String, Object> to = Map.of(WaapiConstants.TO, CUSTOMER);

        assertThat(template.requestBodyAndHeaders("waapi:cloud/text", "Your order shipped", to, SendResult.class).getType())
                .isEqualTo("text");
        for (String type : new String[] { "image", "video", "audio", "sticker", "document" }) {
            SendResult media = template.requestBodyAndHeaders("waapi:cloud/" + type, "https://example.com/f", to,
                    SendResult.class);
            assertThat(media.getType()).as(type).isEqualTo(type);
            assertThat(media.getMessageId()).startsWith("wamid.");
        }
        CombinedSendResult combined = template.requestBodyAndHeaders("waapi:cloud/send",
                Map.of("type", "text", "payload", Map.of("body", "Welcome"), "contact", Map.of("first_name", "Sayantan")),
                to, CombinedSendResult.class);
        assertThat(combined.getContact().getFirstName()).isEqualTo("Sayantan");
        assertThat(combined.getMessage().getType()).isEqualTo("text");
        assertThat(sandbox.getSentMessages()).extracting(SentMessage::getType)
                .containsExactly("text", "image", "video", "audio", "sticker", "document", "text");
    }

    @Test
    void contactsUpdateOnlyExistingButUpsertCreates() {
        Map<String, Object> phone = Map.of(WaapiConstants.PHONE_NUMBER, "917890000198");
        assertThatThrownBy(() -> template.requestBodyAndHeaders("waapi:contacts/update",
                Map.of("updates", Map.of("last_name", "Kar")), phone))
                .hasCauseInstanceOf(WaapiNotFoundException.class);

        Contact created = template.requestBodyAndHeaders("waapi:contacts/upsert", Map.of("first_name", "Sayantan"), phone,
                Contact.class);
        assertThat(created.getId()).matches("[0-9a-f]{24}");
        Contact updated = template.requestBodyAndHeaders("waapi:contacts/update",
                Map.of("updates", Map.of("last_name", "Kar")), phone, Contact.class);
        assertThat(updated.getId()).isEqualTo(created.getId());
        assertThat(updated.getFirstName()).isEqualTo("Sayantan");
        assertThat(updated.getLastName()).isEqualTo("Kar");
        assertThat(waapi.getSandbox().getContact(CUSTOMER).getLastName()).isEqualTo("Kar");
    }

    @Test
    void everyQrOperation() {
        Map<String, Object> to = Map.of(WaapiConstants.TO, CUSTOMER);
        SendResult text = template.requestBodyAndHeaders("waapi:qr/text", "Hello from a QR session", to, SendResult.class);
        assertThat(text.getSessionId()).isEqualTo(WaapiSandbox.DEFAULT_QR_SESSION_ID);
        assertThat(text.getTo()).isEqualTo("917890000198@s.whatsapp.net");
        for (String type : new String[] { "image", "video", "audio", "document" }) {
            assertThat(template.requestBodyAndHeaders("waapi:qr/" + type, "https://example.com/f", to, SendResult.class)
                    .getType()).isEqualTo(type);
        }
        QrLocationMessage location = new QrLocationMessage();
        location.setLatitude(22.57);
        location.setLongitude(88.36);
        assertThat(template.requestBodyAndHeaders("waapi:qr/location", location, to, SendResult.class).getType())
                .isEqualTo("location");
        @SuppressWarnings("unchecked")
        List<QrSession> sessions = template.requestBody("waapi:qr/sessions", null, List.class);
        assertThat(sessions).singleElement().satisfies(s -> assertThat(s.getStatus()).isEqualTo("connected"));
    }

    @Test
    void metaErrorsBecomeWaapiExceptions() {
        Map<String, Object> to = Map.of(WaapiConstants.TO, CUSTOMER);
        assertThatThrownBy(() -> template.requestBodyAndHeaders("waapi:cloud/text", "Hi", to))
                .cause().isInstanceOfSatisfying(WaapiException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getMetaErrorCode()).isEqualTo(131047);
                });
        assertThatThrownBy(() -> template.requestBodyAndHeaders("waapi:cloud/template?templateName=nope&language=en",
                List.of("a", "b"), to))
                .cause().isInstanceOfSatisfying(WaapiException.class, e -> assertThat(e.getMetaErrorCode()).isEqualTo(132001));
        assertThatThrownBy(() -> template.requestBodyAndHeaders(
                "waapi:cloud/template?templateName=order_shipped&language=en&fromPhoneNo=4915112345678", List.of("a", "b"), to))
                .cause().isInstanceOfSatisfying(WaapiPermissionException.class,
                        e -> assertThat(e.getApiMessage()).contains("+4915112345678 is not one of the WhatsApp numbers"));
    }

    @Test
    void otherKeysByEndpointOptions() {
        waapi.getSandbox().addApiKey(SandboxApiKey.builder("waapi_reader").secret("secr_reader").name("Reader")
                .scope(SandboxApiKey.Scope.READ).build());
        assertThatThrownBy(() -> template.requestBodyAndHeaders(
                "waapi:cloud/template?templateName=order_shipped&language=en&apiKey=waapi_reader&apiSecret=secr_reader",
                List.of("a", "b"),
                Map.of(WaapiConstants.TO, CUSTOMER)))
                .cause().isInstanceOfSatisfying(WaapiPermissionException.class,
                        e -> assertThat(e.getApiMessage()).isEqualTo("API key scope 'read' does not permit send actions"));
    }

    @Test
    void injectedFaultsReachTheRoute() {
        SandboxFaults faults = waapi.getSandbox().faults();
        String upsert = "waapi:contacts/upsert?countryCode=%2B91";
        Map<String, Object> contact = Map.of("phoneNumber", "7890000198", "first_name", "Sayantan");

        // a POST is not re-sent by the JDK client after a dropped connection (a GET would be, once); the request had
        // arrived, so whether it was processed is unknown
        faults.dropNext(1);
        assertThatThrownBy(() -> template.requestBody(upsert, contact)).hasCauseInstanceOf(WaapiOutcomeUnknownException.class);

        faults.failNext(1);
        assertThatThrownBy(() -> template.requestBody(upsert, contact))
                .cause().isInstanceOfSatisfying(WaapiException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(500);
                    assertThat(e.isRetryable()).isTrue();
                });
        assertThat(waapi.getSandbox().getContacts()).isEmpty();

        faults.latency(Duration.ofMillis(300));
        long started = System.nanoTime();
        template.requestBody("waapi:ping", (Object) null);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThatThrownBy(() -> template.requestBody("waapi:ping?requestTimeout=100", (Object) null))
                .hasCauseInstanceOf(WaapiOutcomeUnknownException.class);
        // the sandbox still answers the request the client gave up on
        await().atMost(Duration.ofSeconds(5)).until(() -> waapi.getSandbox().getRequests().size() == 4);

        faults.clear().serverErrorRate(1.0);
        assertThatThrownBy(() -> template.requestBody(upsert, contact)).hasCauseInstanceOf(WaapiException.class);
        faults.clear().dropRate(1.0);
        assertThatThrownBy(() -> template.requestBody(upsert, contact)).hasCauseInstanceOf(WaapiOutcomeUnknownException.class);
        faults.clear();
        assertThat(template.requestBody(upsert, contact, Contact.class).getPhoneNumber()).isEqualTo("917890000198");
        assertThat(waapi.getSandbox().getRequests()).extracting(ApiRequest::status).containsExactly(0, 500, 200, 200, 500, 0,
                200);
    }

    @Test
    void aShareOfServerErrorsFallsTheSameWayForTheSameSeed() {
        SandboxFaults faults = waapi.getSandbox().faults().serverErrorRate(0.5);
        StringBuilder outcomes = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            try {
                template.requestBody("waapi:ping", (Object) null);
                outcomes.append('.');
            } catch (CamelExecutionException e) {
                assertThat(e.getCause()).isInstanceOfSatisfying(WaapiException.class,
                        failure -> assertThat(failure.getStatusCode()).isEqualTo(500));
                outcomes.append('x');
            }
        }
        // seed 7: 18 of 40 requests fail, in this order
        assertThat(outcomes).hasToString("..x..xx.x....xxx.xx.xx.x..x.xx.x.x...x..");
        assertThat(faults.getServerErrorRate()).isEqualTo(0.5);
        assertThat(waapi.getSandbox().getRequests()).extracting(ApiRequest::status).filteredOn(status -> status == 500)
                .hasSize(18);
    }

    @Test
    void theQuotaSurfacesAsARateLimitException() {
        waapi.getSandbox().addApiKey(SandboxApiKey.builder("waapi_slow").name("Slow").quotaPerMinute(1).build());
        String uri = "waapi:ping?apiKey=waapi_slow&rateLimitRetries=0";
        template.requestBody(uri, (Object) null);
        assertThatThrownBy(() -> template.requestBody(uri, (Object) null))
                .cause().isInstanceOfSatisfying(WaapiRateLimitException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(429);
                    assertThat(e.getRetryAfter()).hasValueSatisfying(d -> assertThat(d).isPositive());
                });
    }
}
