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

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                // recipient and sender
                arguments("cloud/text", with("fromPhoneNo", FROM, "body", "Hi"), "to"),
                arguments("cloud/text", with("to", "0917890000198", "fromPhoneNo", FROM, "body", "Hi"), "to"),
                arguments("cloud/text", with("to", "91-789-000", "fromPhoneNo", FROM, "body", "Hi"), "to"),
                arguments("cloud/text", with("to", TO, "body", "Hi"), "fromPhoneNo"),
                arguments("cloud/text", with("to", TO, "fromPhoneNo", "sales", "body", "Hi"), "fromPhoneNo"),
                arguments("cloud/text", with("to", TO, "fromPhoneNo", " 917890000199", "body", "Hi"), "fromPhoneNo"),
                arguments("cloud/image", with("fromPhoneNo", FROM, "link", "https://example.com/a.jpg"), "to"),
                // a JID is a QR recipient only, and its digits are a phone number
                arguments("cloud/text", with("to", TO + "@s.whatsapp.net", "fromPhoneNo", FROM, "body", "Hi"), "to"),
                arguments("qr/text", with("to", "sales@s.whatsapp.net", "fromPhoneNo", FROM, "body", "Hi"), "to"),
                arguments("qr/text", with("to", "0917890000198@s.whatsapp.net", "fromPhoneNo", FROM, "body", "Hi"), "to"),
                arguments("qr/text", with("to", "+1 555", "fromPhoneNo", FROM, "body", "Hi"), "to"),
                arguments("qr/text", with("to", TO, "body", "Hi"), "fromPhoneNo"),
                arguments("qr/text", with("to", TO, "sessionId", "sess_abc", "fromPhoneNo", "x", "body", "Hi"), "fromPhoneNo"),
                // text
                arguments("cloud/text", with("to", TO, "fromPhoneNo", FROM), "body"),
                arguments("cloud/text", with("to", TO, "fromPhoneNo", FROM, "body", "x".repeat(4097)), "body"),
                arguments("qr/text", with("to", TO, "fromPhoneNo", FROM, "body", " "), "body"),
                arguments("qr/text", with("to", TO, "fromPhoneNo", FROM, "body", "x".repeat(4097)), "body"),
                // media
                arguments("cloud/image", with("to", TO, "fromPhoneNo", FROM), "link"),
                arguments("cloud/image", with("to", TO, "fromPhoneNo", FROM, "link", "https://example.com/a.jpg",
                        "mediaId", "123"), "mediaId"),
                arguments("cloud/document", with("to", TO, "fromPhoneNo", FROM, "link", "https://example.com/a.pdf",
                        "caption", "x".repeat(1025)), "caption"),
                arguments("cloud/audio", with("to", TO, "fromPhoneNo", FROM, "mediaId", "123", "caption", "no"), "caption"),
                arguments("cloud/sticker", with("to", TO, "fromPhoneNo", FROM, "link", "https://example.com/a.webp",
                        "caption", "no"), "caption"),
                arguments("cloud/image", with("to", TO, "fromPhoneNo", FROM, "link", "https://example.com/a.jpg",
                        "filename", "a.jpg"), "filename"),
                arguments("qr/image", with("to", TO, "fromPhoneNo", FROM, "caption", "no link"), "link"),
                arguments("qr/document", with("to", TO, "fromPhoneNo", FROM, "link", "https://example.com/a.pdf",
                        "caption", "x".repeat(1025)), "caption"),
                // template
                arguments("cloud/template", with("to", TO, "fromPhoneNo", FROM, "language", "en"), "name"),
                arguments("cloud/template", with("to", TO, "fromPhoneNo", FROM, "name", "order_shipped"), "language"),
                // combined send
                arguments("cloud/send", with("to", TO, "fromPhoneNo", FROM, "payload", Map.of("body", "Hi")), "type"),
                arguments("cloud/send", with("to", TO, "fromPhoneNo", FROM, "type", "sticker-pack",
                        "payload", Map.of("body", "Hi")), "type"),
                arguments("cloud/send", with("to", TO, "fromPhoneNo", FROM, "type", "text"), "payload"),
                arguments("cloud/send", with("to", TO, "fromPhoneNo", FROM, "type", "text",
                        "payload", Map.of("body", "x".repeat(4097))), "payload.body"),
                arguments("cloud/send", with("to", TO, "fromPhoneNo", FROM, "type", "template",
                        "payload", Map.of("language", "en")), "payload.name"),
                arguments("cloud/send", with("to", TO, "fromPhoneNo", FROM, "type", "image",
                        "payload", Map.of("caption", "no media")), "payload.link"),
                arguments("cloud/send", with("to", TO, "type", "text", "payload", Map.of("body", "Hi")), "fromPhoneNo"),
                // location
                arguments("qr/location", with("to", TO, "fromPhoneNo", FROM, "longitude", 88.36), "latitude"),
                arguments("qr/location", with("to", TO, "fromPhoneNo", FROM, "latitude", 91.0, "longitude", 88.36), "latitude"),
                arguments("qr/location", with("to", TO, "fromPhoneNo", FROM, "latitude", 22.5, "longitude", -181.0), "longitude"),
                // contacts
                arguments("contacts/update", with("updates", Map.of("first_name", "Sayantan")), "phoneNumber"),
                arguments("contacts/update", with("phoneNumber", TO, "updates", Map.of()), "updates"),
                arguments("contacts/update", with("phoneNumber", TO), "updates"),
                arguments("contacts/upsert", with("first_name", "Sayantan"), "phoneNumber"),
                // bodies the operation cannot read
                arguments("cloud/text", 42, "body"),
                arguments("cloud/template", "{\"to\": ", "body"),
                arguments("cloud/text", with("to", Map.of("nested", true), "fromPhoneNo", FROM, "body", "Hi"), "body"));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("invalidRequests")
    void invalidRequestIsRefusedBeforeSending(String operation, Object body, String field) {
        Exchange exchange = send("waapi:" + operation, body);

        assertThat(exchange.getException()).isExactlyInstanceOf(WaapiValidationException.class);
        WaapiValidationException e = (WaapiValidationException) exchange.getException();
        assertThat(e.getField()).isEqualTo(field);
        assertThat(e.getMessage()).contains("waapi:" + operation).contains(field);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getStatusCode()).isZero();
        verifyNothingSent();
    }

    @Test
    void invalidHeaderValueIsRefusedBeforeSending() {
        Exchange exchange = send("waapi:cloud/text", "Hi", Map.of(WaapiConstants.TO, "not-a-number",
                WaapiConstants.FROM_PHONE_NO, FROM));

        assertThat(exchange.getException()).isInstanceOfSatisfying(WaapiValidationException.class,
                e -> assertThat(e.getField()).isEqualTo("to"));
        verifyNothingSent();
    }

    @Test
    void malformedTemplateComponentsHeaderIsRefused() {
        Map<String, Object> body = with("to", TO, "fromPhoneNo", FROM, "name", "order_shipped", "language", "en");
        for (Object components : List.of("[{\"type\": ", "not json", 42)) {
            Exchange exchange = send("waapi:cloud/template", body, Map.of(WaapiConstants.TEMPLATE_COMPONENTS, components));

            assertThat(exchange.getException()).isInstanceOfSatisfying(WaapiValidationException.class,
                    e -> assertThat(e.getField()).isEqualTo("components"));
        }
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
        assertThat(send("waapi:qr/text", List.of("not", "text"), Map.of(WaapiConstants.TO, TO,
                WaapiConstants.FROM_PHONE_NO, FROM)).getException())
                .isInstanceOfSatisfying(WaapiValidationException.class, e -> assertThat(e.getField()).isEqualTo("body"));
        wireMock.verify(2, RequestPatternBuilder.allRequests());
    }

    private static Map<String, Object> with(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
