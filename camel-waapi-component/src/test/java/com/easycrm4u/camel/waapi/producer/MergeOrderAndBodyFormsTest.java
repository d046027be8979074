package com.easycrm4u.camel.waapi.producer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.easycrm4u.camel.waapi.WaapiConfiguration;
import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.WaapiTestSupport;
import com.easycrm4u.camel.waapi.model.Contact;
import com.easycrm4u.camel.waapi.model.SendResult;
import com.easycrm4u.camel.waapi.model.TemplateComponent;
import com.easycrm4u.camel.waapi.model.TemplateMessage;
import com.easycrm4u.camel.waapi.model.TextMessage;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Values merge as header > body > endpoint option > component option; every body form of the contract.
 */
class MergeOrderAndBodyFormsTest extends WaapiTestSupport {

    private static final String COMPONENT_FROM = "+911111111111";
    private static final String ENDPOINT_FROM = "+912222222222";
    private static final String BODY_FROM = "+913333333333";
    private static final String HEADER_FROM = "+914444444444";
    private static final String TO = "917890000198";

    @Override
    protected void configure(WaapiConfiguration configuration) {
        super.configure(configuration);
        configuration.setFromPhoneNo(COMPONENT_FROM);
        configuration.setTemplateName("component_template");
        configuration.setLanguage("en");
    }

    @BeforeEach
    void answerEverySend() {
        stub(post(anyUrl()), 200, """
                {"success": true, "data": {"messageId": "wamid.MERGED", "status": "sent"}}""");
    }

    @Test
    void componentOptionIsTheFallback() {
        Exchange exchange = send("waapi:cloud/text", Map.of("body", "hi"), Map.of(WaapiConstants.TO, TO));

        assertThat(exchange.getException()).isNull();
        verifyJsonRequest("POST", "/whatsapp-api/messages/text", """
                {"to": "917890000198", "fromPhoneNo": "+911111111111", "body": "hi"}""");
    }

    @Test
    void endpointOptionOverridesComponentOption() {
        // a bare + in a URI is decoded to a space; the component puts it back
        Exchange exchange = send("waapi:cloud/text?fromPhoneNo=" + ENDPOINT_FROM, Map.of("body", "hi"),
                Map.of(WaapiConstants.TO, TO));

        assertThat(exchange.getException()).isNull();
        verifyJsonRequest("POST", "/whatsapp-api/messages/text", """
                {"to": "917890000198", "fromPhoneNo": "+912222222222", "body": "hi"}""");
    }

    @Test
    void bodyOverridesEndpointOption() {
        Exchange exchange = send("waapi:cloud/text?fromPhoneNo=RAW(" + ENDPOINT_FROM + ")" + "&previewUrl=true",
                Map.of("to", TO, "fromPhoneNo", BODY_FROM, "body", "hi", "previewUrl", false), Map.of());

        assertThat(exchange.getException()).isNull();
        verifyJsonRequest("POST", "/whatsapp-api/messages/text", """
                {"to": "917890000198", "fromPhoneNo": "+913333333333", "body": "hi", "previewUrl": false}""");
    }

    @Test
    void headerOverridesBody() {
        TextMessage body = new TextMessage();
        body.setTo("919999999999");
        body.setFromPhoneNo(BODY_FROM);
        body.setBody("hi");
        body.setPreviewUrl(false);

        Exchange exchange = send("waapi:cloud/text?fromPhoneNo=RAW(" + ENDPOINT_FROM + ")", body,
                Map.of(WaapiConstants.TO, TO, WaapiConstants.FROM_PHONE_NO, HEADER_FROM, WaapiConstants.PREVIEW_URL, true));

        assertThat(exchange.getException()).isNull();
        verifyJsonRequest("POST", "/whatsapp-api/messages/text", """
                {"to": "917890000198", "fromPhoneNo": "+914444444444", "body": "hi", "previewUrl": true}""");
        assertThat(body.getTo()).as("the caller's body is not changed").isEqualTo("919999999999");
        assertThat(body.getFromPhoneNo()).isEqualTo(BODY_FROM);
    }

    @Test
    void templateValuesMergeInTheSameOrder() {
        Exchange fromOptions = send("waapi:cloud/template?templateName=endpoint_template", List.of("Sayantan"),
                Map.of(WaapiConstants.TO, TO));
        assertThat(fromOptions.getException()).isNull();
        verifyJsonRequest("POST", "/whatsapp-api/messages/template", """
                {"to": "917890000198", "fromPhoneNo": "+911111111111", "name": "endpoint_template", "language": "en",
                 "components": [{"type": "body", "parameters": [{"type": "text", "text": "Sayantan"}]}]}""");

        wireMock.resetRequests();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", TO);
        body.put("name", "body_template");
        body.put("language", "hi");
        Exchange fromHeaders = send("waapi:cloud/template?templateName=endpoint_template", body,
                Map.of(WaapiConstants.TEMPLATE_NAME, "header_template", WaapiConstants.REPLY_TO_MESSAGE_ID, "wamid.PRIOR",
                        WaapiConstants.TEMPLATE_COMPONENTS,
                        List.of(Map.of("type", "body", "parameters", List.of(Map.of("type", "text", "text", "AWB-1"))))));
        assertThat(fromHeaders.getException()).isNull();
        verifyJsonRequest("POST", "/whatsapp-api/messages/template", """
                {"to": "917890000198", "fromPhoneNo": "+911111111111", "name": "header_template", "language": "hi",
                 "replyToWaMessageId": "wamid.PRIOR",
                 "components": [{"type": "body", "parameters": [{"type": "text", "text": "AWB-1"}]}]}""");
    }

    @Test
    void typedTemplateBody() {
        TemplateMessage message = new TemplateMessage();
        message.setTo(TO);
        message.setName("order_shipped");
        message.setLanguage("en_US");
        message.setComponents(List.of(TemplateComponent.bodyTexts(List.of("Sayantan", "AWB-12345"))));

        Exchange exchange = send("waapi:cloud/template", message);

        assertThat(exchange.getException()).isNull();
        verifyJsonRequest("POST", "/whatsapp-api/messages/template", """
                {"to": "917890000198", "fromPhoneNo": "+911111111111", "name": "order_shipped", "language": "en_US",
                 "components": [{"type": "body", "parameters": [{"type": "text", "text": "Sayantan"},
                                                                {"type": "text", "text": "AWB-12345"}]}]}""");
        assertThat(exchange.getMessage().getBody()).isInstanceOf(SendResult.class);
        assertThat(exchange.getMessage().getHeader(WaapiConstants.MESSAGE_ID)).isEqualTo("wamid.MERGED");
    }

    @Test
    void listBodyIsTheTemplateBodyParameters() {
        Exchange exchange = send("waapi:cloud/template?templateName=order_shipped&language=en",
                List.of("Sayantan", "AWB-12345"), Map.of(WaapiConstants.TO, TO));

        assertThat(exchange.getException()).isNull();
        verifyJsonRequest("POST", "/whatsapp-api/messages/template", """
                {"to": "917890000198", "fromPhoneNo": "+911111111111", "name": "order_shipped", "language": "en",
                 "components": [{"type": "body", "parameters": [{"type": "text", "text": "Sayantan"},
                                                                {"type": "text", "text": "AWB-12345"}]}]}""");
    }

    @Test
    void stringBodyIsTheTextOfATextSend() {
        Exchange exchange = send("waapi:cloud/text", "Hello from the WAAPI public API.", Map.of(WaapiConstants.TO, TO));

        assertThat(exchange.getException()).isNull();
        verifyJsonRequest("POST", "/whatsapp-api/messages/text", """
                {"to": "917890000198", "fromPhoneNo": "+911111111111", "body": "Hello from the WAAPI public API."}""");
    }

    @Test
    void stringBodyIsTheTextOfAQrTextSend() {
        Exchange exchange = send("waapi:qr/text?sessionId=sess_abc", "Hello from a WAAPI QR session.",
                Map.of(WaapiConstants.TO, TO));

        assertThat(exchange.getException()).isNull();
        verifyJsonRequest("POST", "/whatsapp-qr/messages/text", """
                {"to": "917890000198", "fromPhoneNo": "+911111111111", "sessionId": "sess_abc",
                 "body": "Hello from a WAAPI QR session."}""");
    }

    @Test
    void aQrSessionIdOnTheMessageIsSentWithoutTheDefaultFromPhoneNo() {
        Exchange byHeader = send("waapi:qr/text", "Hello", Map.of(WaapiConstants.TO, TO, WaapiConstants.SESSION_ID,
                "sess_other"));
        assertThat(byHeader.getException()).isNull();
        verifyJsonRequest("POST", "/whatsapp-qr/messages/text", """
                {"to": "917890000198", "sessionId": "sess_other", "body": "Hello"}""");

        wireMock.resetRequests();
        Exchange byBody = send("waapi:qr/text", Map.of("sessionId", "sess_other", "body", "Hello"),
                Map.of(WaapiConstants.TO, TO));
        assertThat(byBody.getException()).isNull();
        verifyJsonRequest("POST", "/whatsapp-qr/messages/text", """
                {"to": "917890000198", "sessionId": "sess_other", "body": "Hello"}""");
    }

    @Test
    void aQrSessionIdOnTheMessageKeepsAFromPhoneNoOnTheMessage() {
        Exchange exchange = send("waapi:qr/text", "Hello", Map.of(WaapiConstants.TO, TO, WaapiConstants.SESSION_ID,
                "sess_other", WaapiConstants.FROM_PHONE_NO, HEADER_FROM));

        assertThat(exchange.getException()).isNull();
        verifyJsonRequest("POST", "/whatsapp-qr/messages/text", """
                {"to": "917890000198", "fromPhoneNo": "+914444444444", "sessionId": "sess_other", "body": "Hello"}""");
    }

    @Test
    void aQrRecipientInJidFormIsSentAsGiven() {
        Exchange exchange = send("waapi:qr/text", "Hello", Map.of(WaapiConstants.TO, "917890000198@s.whatsapp.net"));

        assertThat(exchange.getException()).isNull();
        verifyJsonRequest("POST", "/whatsapp-qr/messages/text", """
                {"to": "917890000198@s.whatsapp.net", "fromPhoneNo": "+911111111111", "body": "Hello"}""");
    }

    @Test
    void stringBodyIsTheLinkOfAMediaSend() {
        Exchange exchange = send("waapi:cloud/image?caption=Your order, packed", "https://example.com/order.jpg",
                Map.of(WaapiConstants.TO, TO));

        assertThat(exchange.getException()).isNull();
        verifyJsonRequest("POST", "/whatsapp-api/messages/image", """
                {"to": "917890000198", "fromPhoneNo": "+911111111111", "link": "https://example.com/order.jpg",
                 "caption": "Your order, packed"}""");
    }

    @Test
    void mediaHeadersOverrideTheBody() {
        Exchange exchange = send("waapi:cloud/document?filename=endpoint.pdf", Map.of("link", "https://example.com/a.pdf"),
                Map.of(WaapiConstants.TO, TO, WaapiConstants.MEDIA_LINK, "https://example.com/b.pdf",
                        WaapiConstants.FILENAME, "Invoice 1234.pdf", WaapiConstants.CAPTION, "Your invoice"));

        assertThat(exchange.getException()).isNull();
        verifyJsonRequest("POST", "/whatsapp-api/messages/document", """
                {"to": "917890000198", "fromPhoneNo": "+911111111111", "link": "https://example.com/b.pdf",
                 "filename": "Invoice 1234.pdf", "caption": "Your invoice"}""");
    }

    @Test
    void combinedSendConvenienceBodies() {
        Map<String, Object> contact = new HashMap<>();
        contact.put("first_name", "Sayantan");
        Exchange text = send("waapi:cloud/send?messageType=text", "Hi Sayantan",
                Map.of(WaapiConstants.TO, TO, WaapiConstants.CONTACT, contact, WaapiConstants.COUNTRY_CODE, "+91"));
        assertThat(text.getException()).isNull();
        verifyJsonRequest("POST", "/whatsapp-api/messages/send", """
                {"to": "917890000198", "fromPhoneNo": "+911111111111", "countryCode": "+91",
                 "contact": {"first_name": "Sayantan"}, "type": "text", "payload": {"body": "Hi Sayantan"}}""");

        wireMock.resetRequests();
        Exchange template = send("waapi:cloud/send?messageType=template&templateName=order_shipped",
                List.of("Sayantan"), Map.of(WaapiConstants.TO, TO));
        assertThat(template.getException()).isNull();
        verifyJsonRequest("POST", "/whatsapp-api/messages/send", """
                {"to": "917890000198", "fromPhoneNo": "+911111111111", "contact": {}, "type": "template",
                 "payload": {"name": "order_shipped", "language": "en",
                             "components": [{"type": "body", "parameters": [{"type": "text", "text": "Sayantan"}]}]}}""");

        wireMock.resetRequests();
        Exchange image = send("waapi:cloud/send", "https://example.com/order.jpg",
                Map.of(WaapiConstants.TO, TO, WaapiConstants.MESSAGE_TYPE, "image"));
        assertThat(image.getException()).isNull();
        verifyJsonRequest("POST", "/whatsapp-api/messages/send", """
                {"to": "917890000198", "fromPhoneNo": "+911111111111", "contact": {}, "type": "image",
                 "payload": {"link": "https://example.com/order.jpg"}}""");
    }

    @Test
    void contactHeadersOverrideTheBody() {
        stub(patch(anyUrl()), 200, """
                {"success": true, "data": {"_id": "6a2c5...", "phoneNumber": "917890000198"}}""");

        Exchange exchange = send("waapi:contacts/update?countryCode=RAW(+44)",
                Map.of("phoneNumber", "447700900000", "updates", Map.of("email", "old@example.com")),
                Map.of(WaapiConstants.PHONE_NUMBER, TO, WaapiConstants.COUNTRY_CODE, "+91",
                        WaapiConstants.CONTACT, Map.of("tags", List.of("vip"))));

        assertThat(exchange.getException()).isNull();
        verifyJsonRequest("PATCH", "/contacts", """
                {"phoneNumber": "917890000198", "countryCode": "+91", "updates": {"tags": ["vip"]}}""");
    }

    @Test
    void templateComponentsHeaderAsJsonArray() throws Exception {
        String components = "[{\"type\": \"body\", \"parameters\": [{\"type\": \"text\", \"text\": \"AWB-1\"}]}]";
        String expected = """
                {"to": "917890000198", "fromPhoneNo": "+911111111111", "name": "order_shipped", "language": "en",
                 "components": [{"type": "body", "parameters": [{"type": "text", "text": "AWB-1"}]}]}""";

        Exchange fromNode = send("waapi:cloud/template?templateName=order_shipped", null, Map.of(WaapiConstants.TO, TO,
                WaapiConstants.TEMPLATE_COMPONENTS, new ObjectMapper().readTree(components)));
        assertThat(fromNode.getException()).isNull();
        verifyJsonRequest("POST", "/whatsapp-api/messages/template", expected);

        wireMock.resetRequests();
        Exchange fromString = send("waapi:cloud/template?templateName=order_shipped", null, Map.of(WaapiConstants.TO, TO,
                WaapiConstants.TEMPLATE_COMPONENTS, components));
        assertThat(fromString.getException()).isNull();
        verifyJsonRequest("POST", "/whatsapp-api/messages/template", expected);
    }

    @Test
    void jsonBytesBody() {
        byte[] json = """
                {"to": "917890000198", "body": "Hello"}""".getBytes(StandardCharsets.UTF_8);

        Exchange exchange = send("waapi:cloud/text", json);

        assertThat(exchange.getException()).isNull();
        verifyJsonRequest("POST", "/whatsapp-api/messages/text", """
                {"to": "917890000198", "fromPhoneNo": "+911111111111", "body": "Hello"}""");
    }

    @Test
    void jsonFileBody(@TempDir Path outbox) throws Exception {
        Files.writeString(outbox.resolve("order-4711.json"), """
                {"to": "917890000198", "body": "Hello"}""");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + outbox + "?noop=true&initialDelay=0").to("waapi:cloud/text");
            }
        });

        await().untilAsserted(() -> verifyJsonRequest("POST", "/whatsapp-api/messages/text", """
                {"to": "917890000198", "fromPhoneNo": "+911111111111", "body": "Hello"}"""));
    }

    @Test
    void jsonStringBodyOfATemplateSend() {
        Exchange exchange = send("waapi:cloud/template", """
                {"to": "917890000198", "name": "order_shipped", "language": "en_US"}""");

        assertThat(exchange.getException()).isNull();
        verifyJsonRequest("POST", "/whatsapp-api/messages/template", """
                {"to": "917890000198", "fromPhoneNo": "+911111111111", "name": "order_shipped", "language": "en_US"}""");
    }

    @Test
    void jsonStringBodyOfAContactUpsert() {
        Exchange exchange = send("waapi:contacts/upsert", """
                {"phoneNumber": "917890000198", "first_name": "Sayantan"}""");

        assertThat(exchange.getException()).isNull();
        verifyJsonRequest("POST", "/contacts", """
                {"phoneNumber": "917890000198", "first_name": "Sayantan"}""");
    }

    @Test
    void jsonStringBodyOfAContactUpdate() {
        stub(patch(anyUrl()), 200, """
                {"success": true, "data": {"_id": "6a2c5...", "phoneNumber": "917890000198"}}""");

        Exchange exchange = send("waapi:contacts/update", new StringBuilder("""
                {"phoneNumber": "917890000198", "updates": {"last_name": "Kar"}}"""));

        assertThat(exchange.getException()).isNull();
        verifyJsonRequest("PATCH", "/contacts", """
                {"phoneNumber": "917890000198", "updates": {"last_name": "Kar"}}""");
    }

    @Test
    void fieldsTheModelsDoNotNameArePassedThroughBothWays() {
        stub(post(anyUrl()), 200, """
                {"success": true, "data": {"_id": "6a2c5", "phoneNumber": "917890000198", "countryCode": "91",
                 "first_name": "Sayantan", "company": "ACME"}}""");

        // a custom contact field, and a template parameter of a kind without a field of its own
        Exchange upsert = send("waapi:contacts/upsert", Map.of("phoneNumber", TO, "company", "ACME"));
        assertThat(upsert.getException()).isNull();
        verifyJsonRequest("POST", "/contacts", """
                {"phoneNumber": "917890000198", "company": "ACME"}""");
        Contact contact = upsert.getMessage().getBody(Contact.class);
        assertThat(contact.getCountryCode()).isEqualTo("91");
        assertThat(contact.getOther()).containsExactly(Map.entry("company", "ACME"));

        wireMock.resetRequests();
        Map<String, Object> currency = Map.of("type", "currency",
                "currency", Map.of("fallback_value", "$100.99", "code", "USD", "amount_1000", 100990));
        Exchange template = send("waapi:cloud/template?templateName=order_total", Map.of("to", TO,
                "components", List.of(Map.of("type", "body", "parameters", List.of(currency)))));
        assertThat(template.getException()).isNull();
        verifyJsonRequest("POST", "/whatsapp-api/messages/template", """
                {"to": "917890000198", "fromPhoneNo": "+911111111111", "name": "order_total", "language": "en",
                 "components": [{"type": "body", "parameters": [{"type": "currency",
                   "currency": {"fallback_value": "$100.99", "code": "USD", "amount_1000": 100990}}]}]}""");
    }
}
