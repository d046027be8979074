package com.easycrm4u.camel.waapi.webhook.internal;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.webhook.WebhookSignature;
import com.easycrm4u.camel.waapi.webhook.model.InboundMessageEvent;
import com.easycrm4u.camel.waapi.webhook.model.WebhookEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Once the signature verifies, JSON is never refused or answered 5xx for its shape: what is not a WhatsApp envelope, or
 * a part of one that cannot be typed, reaches the route as an unknown event with its raw JSON, so WAAPI's "Send test
 * event" payload, a QR-session event or a future shape is not dropped, and {@code "messages":[null]} does not loop on
 * 500.
 */
class WebhookUnknownShapesTest extends WebhookTestSupport {

    private static final String PATH = "/waapi/webhook";
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> signedJsonOfAnotherShape() {
        return Stream.of(
                "{\"hello\":\"world\"}",
                "{\"event\":\"test\",\"message\":\"This is a test event from WAAPI\"}",
                "{\"event\":\"qr.session.connected\",\"sessionId\":\"s-1\",\"status\":\"CONNECTED\"}",
                "[]",
                "\"whatsapp_business_account\"",
                "42",
                "null",
                "{\"object\":\"page\",\"entry\":[]}",
                "{\"object\":\"whatsapp_business_account\",\"entry\":{}}",
                "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":\"none\"}]}",
                "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"value\":{}}]}]}",
                "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\","
                                                                                                                      + "\"value\":{\"messages\":\"not a list\"}}]}]}",
                "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\","
                                                                                                                                                                        + "\"value\":{\"messages\":[null]}}]}]}",
                "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\","
                                                                                                                                                                                                                  + "\"value\":{\"statuses\":[null,{\"id\":\"wamid.S\",\"status\":\"read\"}]}}]}]}",
                "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\","
                                                                                                                                                                                                                                                                                                     + "\"value\":{\"metadata\":[1,2]}}]}]}",
                "{\"object\":\"whatsapp_business_account\",\"entry\":[null]}",
                "{\"object\":\"whatsapp_business_account\"}",
                "{\"object\":\"whatsapp_business_account\",\"entry\":null}",
                "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\"}]}",
                "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":null}]}",
                "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[null]}]}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signedJsonOfAnotherShape")
    void isRoutedOnceAsAnUnknownEventWithItsRawJson(String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String deliveryId = newDeliveryId();
        HttpResponse<String> response = post(PATH, body, WebhookSignature.HEADER, WebhookSignature.sign(body, TOKEN),
                "X-WAAPI-Event", "test", "X-WAAPI-Delivery", deliveryId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(received("events")).singleElement().satisfies(exchange -> {
            Message in = exchange.getMessage();
            assertThat(in.getHeader(WaapiConstants.EVENT_KIND)).isEqualTo(WebhookEvent.KIND_UNKNOWN).isEqualTo("unknown");
            assertThat(in.getHeader(WaapiConstants.EVENT_TYPE)).isEqualTo("test");
            assertThat(in.getHeader(WaapiConstants.DELIVERY_ID)).isEqualTo(deliveryId);
            // no id and no time in it: the delivery id tells this delivery from a new one of the same content
            assertThat(in.getHeader(WaapiConstants.EVENT_KEY, String.class))
                    .matches("(unknown|change):[0-9a-f]{64}:delivery-id:[0-9a-f]{64}");
            assertThat(in.getHeader(WaapiConstants.RAW_BODY, byte[].class)).isEqualTo(body);
            assertThat(in.getBody()).isInstanceOf(JsonNode.class);
        });
        JsonNode routed = received("events").get(0).getMessage().getBody(JsonNode.class);
        assertThat(JSON.readTree(body).toString()).contains(routed.toString());

        // a retry (the same delivery id) is acknowledged and not routed again; a new delivery is a new event
        assertThat(post(PATH, body, WebhookSignature.HEADER, WebhookSignature.sign(body, TOKEN), "X-WAAPI-Delivery",
                deliveryId).statusCode()).isEqualTo(200);
        assertThat(received("events")).hasSize(1);
        assertThat(post(PATH, body, WebhookSignature.HEADER, WebhookSignature.sign(body, TOKEN), "X-WAAPI-Delivery",
                newDeliveryId()).statusCode()).isEqualTo(200);
        assertThat(received("events")).hasSize(2);
    }

    @Test
    void theTypedPartsOfAnEnvelopeAreRoutedTypedAndOnlyTheBrokenPartAsUnknown() {
        String json = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"959648497055756\",\"changes\":["
                      + "{\"field\":\"messages\",\"value\":{\"messages\":[null]}},"
                      + "{\"field\":\"messages\",\"value\":{\"messages\":[{\"from\":\"917890000198\",\"id\":\"wamid.OK\","
                      + "\"type\":\"text\",\"text\":{\"body\":\"fine\"}}]}}]}]}";
        assertThat(postSigned(PATH, json.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
        assertThat(received("events")).hasSize(2);
        Message broken = received("events").get(0).getMessage();
        assertThat(broken.getHeader(WaapiConstants.EVENT_KIND)).isEqualTo("unknown");
        assertThat(broken.getHeader(WaapiConstants.WABA_ID)).isEqualTo("959648497055756");
        assertThat(broken.getBody(JsonNode.class).path("value").path("messages").get(0).isNull()).isTrue();
        Message typed = received("events").get(1).getMessage();
        assertThat(typed.getHeader(WaapiConstants.EVENT_KEY)).isEqualTo("message:wamid.OK");
        assertThat(typed.getBody(InboundMessageEvent.class).getMessage().getText().getBody()).isEqualTo("fine");
    }

    /**
     * An envelope whose every part binds is read in one pass, one with a broken part as a JSON tree: an event keeps its
     * key either way, so it is not routed again when a later delivery carries it beside a broken part.
     */
    @Test
    void anEventKeepsItsKeyWhetherItsEnvelopeIsReadTypedOrAsATree() {
        String template = "{\"field\":\"message_template_status_update\",\"value\":{\"event\":\"APPROVED\","
                          + "\"message_template_id\":594425479261596,\"message_template_name\":\"order_shipped\"}}";
        String typed = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"959648497055756\","
                       + "\"time\":1.7E9,\"changes\":[" + template + "]}]}";
        String withBrokenPart = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"959648497055756\","
                                + "\"time\":1.7E9,\"changes\":[{\"field\":\"messages\",\"value\":{\"messages\":[null]}},"
                                + template + "]}]}";
        assertThat(postSigned(PATH, typed.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
        assertThat(postSigned(PATH, withBrokenPart.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);

        assertThat(received("events")).extracting(exchange -> exchange.getMessage().getHeader(WaapiConstants.EVENT_KEY))
                .containsExactly("template:594425479261596:APPROVED:1700000000",
                        received("events").get(1).getMessage().getHeader(WaapiConstants.EVENT_KEY));
        assertThat(received("events").get(1).getMessage().getHeader(WaapiConstants.EVENT_KIND)).isEqualTo("unknown");
    }

    @Test
    void aTemplateChangeOfAnEntryWhoseTimeIsNotANumberIsKeyedOnThatTime() {
        String json = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"959648497055756\","
                      + "\"time\":\"2024-06-17T14:00:00Z\",\"changes\":[{\"field\":\"message_template_status_update\","
                      + "\"value\":{\"event\":\"APPROVED\",\"message_template_id\":594425479261596}}]}]}";
        assertThat(postSigned(PATH, json.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
        assertThat(received("events")).singleElement().satisfies(exchange -> {
            assertThat(exchange.getMessage().getHeader(WaapiConstants.EVENT_KIND)).isEqualTo("template_status");
            assertThat(exchange.getMessage().getHeader(WaapiConstants.EVENT_KEY))
                    .isEqualTo("template:594425479261596:APPROVED:2024-06-17T14:00:00Z");
        });
    }

    /** With split=false the envelope is routed typed only when every part of it can be typed; else as its raw JSON. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("envelopesWithAPartThatCannotBeTyped")
    void splitFalseRoutesAnEnvelopeWithAPartThatCannotBeTypedAsOneUnknownEvent(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        assertThat(postSigned("/waapi/envelope", body).statusCode()).isEqualTo(200);
        assertThat(received("envelopes")).singleElement().satisfies(exchange -> {
            assertThat(exchange.getMessage().getHeader(WaapiConstants.EVENT_KIND)).isEqualTo("unknown");
            assertThat(exchange.getMessage().getHeader(WaapiConstants.EVENT_KEY, String.class))
                    .matches("delivery:[0-9a-f]{64}:delivery-id:[0-9a-f]{64}");
            assertThat(exchange.getMessage().getBody(JsonNode.class)).isEqualTo(JSON.readTree(body));
        });
    }

    static Stream<String> envelopesWithAPartThatCannotBeTyped() {
        String envelope = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[%s]}]}";
        return Stream.of(
                envelope.formatted("{\"field\":\"messages\",\"value\":{\"messages\":[null]}}"),
                envelope.formatted("{\"value\":{\"event\":\"VERIFIED_ACCOUNT\"}}"),
                envelope.formatted("{\"field\":\"messages\",\"value\":{\"messages\":\"not a list\"}}"));
    }

    @Test
    void splitFalseKeysAnEnvelopeWithAPartThatCannotBeTypedOnItsBodyAloneWhenEveryEntryHasATime() {
        String timed = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"time\":1718636000,"
                       + "\"changes\":[{\"field\":\"messages\",\"value\":{\"messages\":[null]}}]}]}";
        byte[] body = timed.getBytes(StandardCharsets.UTF_8);
        assertThat(postSigned("/waapi/envelope", body).statusCode()).isEqualTo(200);
        // the same signed body under another delivery id: its entry time says it is the same delivery
        assertThat(postSigned("/waapi/envelope", body).statusCode()).isEqualTo(200);
        assertThat(received("envelopes")).singleElement().satisfies(exchange -> assertThat(
                exchange.getMessage().getHeader(WaapiConstants.EVENT_KEY, String.class)).matches("delivery:[0-9a-f]{64}"));
    }

    @Test
    void splitFalseRoutesJsonOfAnotherShapeAsOneUnknownEvent() {
        byte[] body = "{\"event\":\"test\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(postSigned("/waapi/envelope", body).statusCode()).isEqualTo(200);
        assertThat(received("envelopes")).singleElement().satisfies(exchange -> {
            assertThat(exchange.getMessage().getHeader(WaapiConstants.EVENT_KIND)).isEqualTo("unknown");
            assertThat(exchange.getMessage().getBody(JsonNode.class).path("event").asText()).isEqualTo("test");
        });
    }

    @Test
    void aSignedBodyThatIsNotJsonIsRefused400() {
        byte[] body = "event=test".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = postSigned(PATH, body);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("not valid JSON");
        assertThat(received("events")).isEmpty();
    }
}
