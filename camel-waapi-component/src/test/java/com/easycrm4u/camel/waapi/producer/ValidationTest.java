package com.easycrm4u.camel.waapi.producer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.WaapiTestSupport;
import com.easycrm4u.camel.waapi.WaapiValidationException;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Each validation rule of the contract (section 5): the exception names the field, and nothing reaches the server.
 */
class ValidationTest extends WaapiTestSupport {

    private static final String TO = "917890000198";
    private static final String FROM = "+917890000199";

    private static final String E164 = "must be a phone number in E.164";

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                // recipient and sender
                arguments("cloud/text", with("fromPhoneNo", FROM, "body", "Hi"), "to", "needs 'to'"),
                arguments("cloud/text", with("to", "0917890000198", "fromPhoneNo", FROM, "body", "Hi"), "to",
                        E164 + " (7 to 15 digits, optionally after +), not '0917890000198'"),
                arguments("cloud/text", with("to", "91-789-000", "fromPhoneNo", FROM, "body", "Hi"), "to", E164),
                arguments("cloud/text", with("to", "+123456", "fromPhoneNo", FROM, "body", "Hi"), "to",
                        E164 + " (7 to 15 digits, optionally after +), not '+123456'"),
                arguments("cloud/text", with("to", "1234567890123456", "fromPhoneNo", FROM, "body", "Hi"), "to", E164),
                arguments("cloud/text", with("to", TO, "body", "Hi"), "fromPhoneNo", "needs 'fromPhoneNo'"),
                arguments("cloud/text", with("to", TO, "fromPhoneNo", "sales", "body", "Hi"), "fromPhoneNo",
                        E164 + " (7 to 15 digits, optionally after +), not 'sales'"),
                arguments("cloud/text", with("to", TO, "fromPhoneNo", " 917890000199", "body", "Hi"), "fromPhoneNo", E164),
                arguments("cloud/image", with("fromPhoneNo", FROM, "link", "https://example.com/a.jpg"), "to", "needs 'to'"),
                // a JID is a QR recipient only, and its digits are a phone number
                arguments("cloud/text", with("to", TO + "@s.whatsapp.net", "fromPhoneNo", FROM, "body", "Hi"), "to", E164),
                arguments("qr/text", with("to", "sales@s.whatsapp.net", "fromPhoneNo", FROM, "body", "Hi"), "to",
                        "'to' must be a phone number in E.164 or its WhatsApp JID (e.g. 917890000198@s.whatsapp.net), "
                                                                                                                  + "not 'sales@s.whatsapp.net'"),
                arguments("qr/text", with("to", "0917890000198@s.whatsapp.net", "fromPhoneNo", FROM, "body", "Hi"), "to",
                        "or its WhatsApp JID"),
                arguments("qr/text", with("to", "+1 555", "fromPhoneNo", FROM, "body", "Hi"), "to", E164),
                arguments("qr/text", with("to", TO, "body", "Hi"), "fromPhoneNo",
                        "needs 'fromPhoneNo' (the connected QR number) or 'sessionId'"),
                arguments("qr/text", with("to", TO, "fromPhoneNo", "sales", "body", "Hi"), "fromPhoneNo",
                        E164 + " (7 to 15 digits, optionally after +), not 'sales'"),
                arguments("qr/text", with("to", TO, "sessionId", "sess_abc", "fromPhoneNo", "x", "body", "Hi"), "fromPhoneNo",
                        E164),
                // text
                arguments("cloud/text", with("to", TO, "fromPhoneNo", FROM), "body", "needs 'body'"),
                arguments("cloud/text", with("to", TO, "fromPhoneNo", FROM, "body", "x".repeat(4097)), "body",
                        "'body' has 4097 characters; at most 4096 are allowed"),
                arguments("qr/text", with("to", TO, "fromPhoneNo", FROM, "body", " "), "body", "needs 'body'"),
                arguments("qr/text", with("to", TO, "fromPhoneNo", FROM, "body", "x".repeat(4097)), "body",
                        "'body' has 4097 characters; at most 4096 are allowed"),
                // media
                arguments("cloud/image", with("to", TO, "fromPhoneNo", FROM), "link",
                        "needs exactly one of 'link' and 'mediaId', got neither"),
                arguments("cloud/image", with("to", TO, "fromPhoneNo", FROM, "link", "https://example.com/a.jpg",
                        "mediaId", "123"), "mediaId", "needs exactly one of 'link' and 'mediaId', not both"),
                arguments("cloud/document", with("to", TO, "fromPhoneNo", FROM, "link", "https://example.com/a.pdf",
                        "caption", "x".repeat(1025)), "caption", "'caption' has 1025 characters; at most 1024 are allowed"),
                arguments("cloud/audio", with("to", TO, "fromPhoneNo", FROM, "mediaId", "123", "caption", "no"), "caption",
                        "does not support 'caption'"),
                arguments("cloud/sticker", with("to", TO, "fromPhoneNo", FROM, "link", "https://example.com/a.webp",
                        "caption", "no"), "caption", "does not support 'caption'"),
                arguments("cloud/image", with("to", TO, "fromPhoneNo", FROM, "link", "https://example.com/a.jpg",
                        "filename", "a.jpg"), "filename", "does not support 'filename'"),
                arguments("qr/image", with("to", TO, "fromPhoneNo", FROM, "caption", "no link"), "link", "needs 'link'"),
                arguments("qr/document", with("to", TO, "fromPhoneNo", FROM, "link", "https://example.com/a.pdf",
                        "caption", "x".repeat(1025)), "caption", "at most 1024 are allowed"),
                arguments("qr/audio", with("to", TO, "fromPhoneNo", FROM, "link", "https://example.com/a.ogg",
                        "caption", "no"), "caption", "does not support 'caption'"),
                // template
                arguments("cloud/template", with("to", TO, "fromPhoneNo", FROM, "language", "en"), "name", "needs 'name'"),
                arguments("cloud/template", with("to", TO, "fromPhoneNo", FROM, "name", "order_shipped"), "language",
                        "needs 'language'"),
                // combined send
                arguments("cloud/send", with("to", TO, "fromPhoneNo", FROM, "payload", Map.of("body", "Hi")), "type",
                        "needs 'type'"),
                arguments("cloud/send", with("to", TO, "fromPhoneNo", FROM, "type", "sticker-pack",
                        "payload", Map.of("body", "Hi")), "type",
                        "unknown message type 'sticker-pack'; one of text, image, video, audio, document, template, buttons, "
                                                                  + "list, cta"),
                arguments("cloud/send", with("to", TO, "fromPhoneNo", FROM, "type", "text"), "payload",
                        "needs a 'payload' for the text message"),
                arguments("cloud/send", with("to", TO, "fromPhoneNo", FROM, "type", "text",
                        "payload", Map.of("previewUrl", true)), "payload.body", "needs 'payload.body'"),
                arguments("cloud/send", with("to", TO, "fromPhoneNo", FROM, "type", "text",
                        "payload", Map.of("body", "x".repeat(4097))), "payload.body",
                        "'payload.body' has 4097 characters; at most 4096 are allowed"),
                arguments("cloud/send", with("to", TO, "fromPhoneNo", FROM, "type", "template",
                        "payload", Map.of("language", "en")), "payload.name", "needs 'payload.name'"),
                arguments("cloud/send", with("to", TO, "fromPhoneNo", FROM, "type", "template",
                        "payload", Map.of("name", "order_shipped")), "payload.language", "needs 'payload.language'"),
                arguments("cloud/send", with("to", TO, "fromPhoneNo", FROM, "type", "image",
                        "payload", Map.of("caption", "no media")), "payload.link",
                        "needs exactly one of 'payload.link' and 'payload.mediaId', got neither"),
                arguments("cloud/send", with("to", TO, "fromPhoneNo", FROM, "type", "video",
                        "payload", Map.of("mediaId", "123", "caption", "x".repeat(1025))), "payload.caption",
                        "'payload.caption' has 1025 characters; at most 1024 are allowed"),
                arguments("cloud/send", with("to", TO, "type", "text", "payload", Map.of("body", "Hi")), "fromPhoneNo",
                        "needs 'fromPhoneNo'"),
                // location
                arguments("qr/location", with("to", TO, "fromPhoneNo", FROM, "longitude", 88.36), "latitude",
                        "needs 'latitude'"),
                arguments("qr/location", with("to", TO, "fromPhoneNo", FROM, "latitude", 22.5), "longitude",
                        "needs 'longitude'"),
                arguments("qr/location", with("to", TO, "fromPhoneNo", FROM, "latitude", 90.001, "longitude", 88.36),
                        "latitude", "'latitude' must be between -90 and 90"),
                arguments("qr/location", with("to", TO, "fromPhoneNo", FROM, "latitude", -90.001, "longitude", 88.36),
                        "latitude", "'latitude' must be between -90 and 90"),
                arguments("qr/location", with("to", TO, "fromPhoneNo", FROM, "latitude", 22.5, "longitude", 180.001),
                        "longitude", "'longitude' must be between -180 and 180"),
                arguments("qr/location", with("to", TO, "fromPhoneNo", FROM, "latitude", 22.5, "longitude", -180.001),
                        "longitude", "'longitude' must be between -180 and 180"),
                // contacts
                arguments("contacts/update", with("updates", Map.of("first_name", "Sayantan")), "phoneNumber",
                        "needs 'phoneNumber'"),
                arguments("contacts/update", with("phoneNumber", TO, "updates", Map.of()), "updates",
                        "needs at least one field in 'updates' (first_name, last_name, profile_name, email, tags)"),
                arguments("contacts/update", with("phoneNumber", TO), "updates", "needs at least one field in 'updates'"),
                arguments("contacts/upsert", with("first_name", "Sayantan"), "phoneNumber", "needs 'phoneNumber'"),
                // bodies the operation cannot read
                arguments("cloud/text", 42, "body",
                        "cannot send a body of type java.lang.Integer; use TextMessage, a Map or a JsonNode, or a String "
                                                    + "(the text)"),
                arguments("cloud/template", "{\"to\": ", "body",
                        "is not a JSON TemplateMessage: Unexpected end-of-input within/between Object entries"),
                arguments("cloud/template", 42, "body", "use TemplateMessage, a Map or a JsonNode, or a List (the body "
                                                        + "parameters)"),
                arguments("cloud/image", 42, "body", "use MediaMessage, a Map or a JsonNode, or a String (the link)"),
                arguments("qr/text", 42, "body", "use QrTextMessage, a Map or a JsonNode, or a String (the text)"),
                arguments("qr/video", 42, "body", "use QrMediaMessage, a Map or a JsonNode, or a String (the link)"),
                arguments("qr/location", "here", "body", "cannot send a body of type java.lang.String; use "
                                                         + "QrLocationMessage, a Map or a JsonNode"),
                arguments("cloud/send", 42, "body", "use CombinedSendMessage, a Map or a JsonNode, or a String (text or "
                                                    + "link) or a List (template body parameters)"),
                arguments("contacts/upsert", "Sayantan", "body", "cannot send a body of type java.lang.String; use "
                                                                 + "ContactUpsert, a Map or a JsonNode"),
                arguments("cloud/text", with("to", Map.of("nested", true), "fromPhoneNo", FROM, "body", "Hi"), "body",
                        "does not have the JSON shape of TextMessage: Cannot deserialize value of type `java.lang.String` "
                                                                                                                       + "from Object value"));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("invalidRequests")
    void invalidRequestIsRefusedBeforeSending(String operation, Object body, String field, String explanation) {
        Exchange exchange = send("waapi:" + operation, body);

        assertThat(exchange.getException()).isExactlyInstanceOf(WaapiValidationException.class);
        WaapiValidationException e = (WaapiValidationException) exchange.getException();
        assertThat(e.getField()).isEqualTo(field);
        assertThat(e.getMessage()).contains("waapi:" + operation).contains(explanation).as("one line").doesNotContain("\n");
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getStatusCode()).isZero();
        verifyNothingSent();
    }

    @Test
    void invalidHeaderValueIsRefusedBeforeSending() {
        Exchange exchange = send("waapi:cloud/text", "Hi", Map.of(WaapiConstants.TO, "not-a-number",
                WaapiConstants.FROM_PHONE_NO, FROM));

        assertThat(exchange.getException()).isInstanceOfSatisfying(WaapiValidationException.class, e -> {
            assertThat(e.getField()).isEqualTo("to");
            assertThat(e.getMessage()).contains("must be a phone number in E.164").contains("not 'not-a-number'");
        });
        verifyNothingSent();
    }

    @Test
    void aBlankOptionCountsAsUnset() {
        // e.g. a property placeholder that resolved to a blank
        Exchange exchange = send("waapi:cloud/text?fromPhoneNo=RAW( )", with("to", TO, "body", "Hi"));

        assertThat(exchange.getException()).isInstanceOfSatisfying(WaapiValidationException.class, e -> {
            assertThat(e.getField()).isEqualTo("fromPhoneNo");
            assertThat(e.getMessage()).isEqualTo("waapi:cloud/text needs 'fromPhoneNo'");
        });
        verifyNothingSent();
    }

    @Test
    void malformedTemplateComponentsHeaderIsRefused() {
        Map<String, Object> body = with("to", TO, "fromPhoneNo", FROM, "name", "order_shipped", "language", "en");
        for (Object components : List.of("[{\"type\": ", "not json", 42)) {
            Exchange exchange = send("waapi:cloud/template", body, Map.of(WaapiConstants.TEMPLATE_COMPONENTS, components));

            assertThat(exchange.getException()).as("%s", components).isInstanceOfSatisfying(WaapiValidationException.class,
                    e -> {
                        assertThat(e.getField()).isEqualTo("components");
                        assertThat(e.getMessage()).isEqualTo("waapi:cloud/template: header CamelWaapiTemplateComponents is "
                                                             + "not a list of Meta template components");
                    });
        }
        verifyNothingSent();
    }

    @Test
    void malformedContactHeaderIsRefused() {
        Exchange send = send("waapi:cloud/send", with("to", TO, "fromPhoneNo", FROM, "type", "text",
                "payload", Map.of("body", "Hi")), Map.of(WaapiConstants.CONTACT, List.of("not", "a", "contact")));
        assertThat(send.getException()).isInstanceOfSatisfying(WaapiValidationException.class, e -> {
            assertThat(e.getField()).isEqualTo("contact");
            assertThat(e.getMessage()).contains("header CamelWaapiContact is not a contact (first_name, last_name, email");
        });

        Exchange update = send("waapi:contacts/update", with("phoneNumber", TO),
                Map.of(WaapiConstants.CONTACT, List.of("not", "fields")));
        assertThat(update.getException()).isInstanceOfSatisfying(WaapiValidationException.class, e -> {
            assertThat(e.getField()).isEqualTo("updates");
            assertThat(e.getMessage()).contains("header CamelWaapiContact is not a set of contact fields");
        });
        verifyNothingSent();
    }

    @Test
    void headerCanCompleteAnIncompleteBody() {
        stub(post(anyUrl()), 200, "{\"success\": true, \"data\": {\"messageId\": \"wamid.OK\", \"status\": \"sent\"}}");

        Exchange exchange = send("waapi:cloud/template", with("to", TO, "fromPhoneNo", FROM),
                Map.of(WaapiConstants.TEMPLATE_NAME, "order_shipped", WaapiConstants.TEMPLATE_LANGUAGE, "en"));

        assertThat(exchange.getException()).isNull();
        verifyJsonRequest("POST", "/whatsapp-api/messages/template", """
                {"to": "917890000198", "fromPhoneNo": "+917890000199", "name": "order_shipped", "language": "en"}""");
    }

    @Test
    void limitsAreInclusive() {
        stub(post(anyUrl()), 200, "{\"success\": true, \"data\": {\"messageId\": \"wamid.OK\", \"status\": \"sent\"}}");

        assertThat(send("waapi:cloud/text", with("to", TO, "fromPhoneNo", FROM, "body", "x".repeat(4096)))
                .getException()).isNull();
        assertThat(send("waapi:cloud/image", with("to", TO, "fromPhoneNo", FROM, "link", "https://example.com/a.jpg",
                "caption", "x".repeat(1024))).getException()).isNull();
        assertThat(send("waapi:cloud/send", with("to", TO, "fromPhoneNo", FROM, "type", "text",
                "payload", Map.of("body", "x".repeat(4096)))).getException()).isNull();
        assertThat(send("waapi:cloud/send", with("to", TO, "fromPhoneNo", FROM, "type", "image",
                "payload", Map.of("link", "https://example.com/a.jpg", "caption", "x".repeat(1024)))).getException()).isNull();
        // E.164: 7 to 15 digits, with or without the plus
        for (String phone : List.of("1234567", "+1234567", "123456789012345", "+123456789012345")) {
            assertThat(send("waapi:cloud/text", with("to", phone, "fromPhoneNo", FROM, "body", "Hi")).getException())
                    .as(phone).isNull();
        }
        for (double[] edge : new double[][] { { 90, 180 }, { -90, -180 }, { 90, -180 }, { -90, 180 } }) {
            assertThat(send("waapi:qr/location", with("to", TO, "fromPhoneNo", FROM, "latitude", edge[0],
                    "longitude", edge[1])).getException()).as("%s, %s", edge[0], edge[1]).isNull();
        }
        assertThat(send("waapi:qr/text", List.of("not", "text"), Map.of(WaapiConstants.TO, TO,
                WaapiConstants.FROM_PHONE_NO, FROM)).getException())
                .isInstanceOfSatisfying(WaapiValidationException.class, e -> assertThat(e.getField()).isEqualTo("body"));
        wireMock.verify(12, RequestPatternBuilder.allRequests());
    }

    private static Map<String, Object> with(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
