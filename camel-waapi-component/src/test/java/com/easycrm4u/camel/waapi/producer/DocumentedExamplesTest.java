package com.easycrm4u.camel.waapi.producer;

import java.util.List;

import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.WaapiTestSupport;
import com.easycrm4u.camel.waapi.model.CombinedSendResult;
import com.easycrm4u.camel.waapi.model.Contact;
import com.easycrm4u.camel.waapi.model.PingResult;
import com.easycrm4u.camel.waapi.model.QrSession;
import com.easycrm4u.camel.waapi.model.SendResult;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request example of the API reference, sent by a route (the documented JSON as the body), checked by WireMock
 * (method, path, both auth headers, content type, exact JSON); the documented answer becomes the typed result and the
 * result headers. The operations without an example in the reference follow with the JSON their fields describe.
 */
class DocumentedExamplesTest extends WaapiTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void ping() {
        stub(get(urlPathEqualTo(path("/ping"))), 200, """
                {"success": true, "pong": true, "vendorId": "6a2a74...", "apiKeyName": "Production CRM"}""");

        Exchange exchange = send("waapi:ping", null);

        assertThat(exchange.getException()).isNull();
        verifyGetRequest("/ping");
        PingResult result = exchange.getMessage().getBody(PingResult.class);
        assertThat(result.getPong()).isTrue();
        assertThat(result.getSuccess()).isTrue();
        assertThat(result.getVendorId()).isEqualTo("6a2a74...");
        assertThat(result.getApiKeyName()).isEqualTo("Production CRM");
    }

    @Test
    void aPingAnswerWithoutItsOptionalFieldsLeavesThemUnset() {
        stub(get(urlPathEqualTo(path("/ping"))), 200, """
                {"apiKeyName": "Staging"}""");

        PingResult result = send("waapi:ping", null).getMessage().getBody(PingResult.class);

        assertThat(result.getApiKeyName()).isEqualTo("Staging");
        assertThat(result.getPong()).isNull();
        assertThat(result.getSuccess()).isNull();
        assertThat(result.getVendorId()).isNull();
    }

    @Test
    void cloudTemplate() throws Exception {
        String request = """
                {
                "to": "917890000198",
                "fromPhoneNo": "+917890000199",
                "name": "order_shipped",
                "language": "en",
                "components": [
                {
                "type": "body",
                "parameters": [
                {
                "type": "text",
                "text": "Sayantan"
                },
                {
                "type": "text",
                "text": "AWB-12345"
                }
                ]
                }
                ]
                }""";
        Exchange exchange = sendDocumented("cloud/template", "POST", "/whatsapp-api/messages/template", request, """
                {
                "success": true,
                "data": {
                "messageId": "wamid.HBgM...",
                "id": "6a2dbff6...",
                "status": "sent",
                "to": "917890000198",
                "type": "template",
                "timestamp": "2026-06-17T12:00:00.000Z"
                }
                }""");

        SendResult result = exchange.getMessage().getBody(SendResult.class);
        assertThat(result.getMessageId()).isEqualTo("wamid.HBgM...");
        assertThat(result.getId()).isEqualTo("6a2dbff6...");
        assertThat(result.getStatus()).isEqualTo("sent");
        assertThat(result.getTo()).isEqualTo("917890000198");
        assertThat(result.getType()).isEqualTo("template");
        assertThat(result.getTimestamp()).isEqualTo("2026-06-17T12:00:00.000Z");
        assertResultHeaders(exchange, "wamid.HBgM...", "sent");
    }

    @Test
    void cloudText() throws Exception {
        Exchange exchange = sendDocumented("cloud/text", "POST", "/whatsapp-api/messages/text", """
                {
                "to": "917890000198",
                "fromPhoneNo": "+917890000199",
                "body": "Hello from the WAAPI public API.",
                "previewUrl": false
                }""", """
                {
                "success": true,
                "data": {
                "messageId": "wamid.HBgM...",
                "status": "sent",
                "to": "917890000198",
                "type": "text"
                }
                }""");

        SendResult result = exchange.getMessage().getBody(SendResult.class);
        assertThat(result.getType()).isEqualTo("text");
        assertThat(result.getTo()).isEqualTo("917890000198");
        assertResultHeaders(exchange, "wamid.HBgM...", "sent");
    }

    @Test
    void cloudImage() throws Exception {
        Exchange exchange = sendDocumented("cloud/image", "POST", "/whatsapp-api/messages/image", """
                {
                "to": "917890000198",
                "fromPhoneNo": "+917890000199",
                "link": "https://example.com/order.jpg",
                "caption": "Your order, packed"
                }""", """
                {
                "success": true,
                "data": {
                "messageId": "wamid.HBgM...",
                "status": "sent",
                "type": "image"
                }
                }""");

        assertThat(exchange.getMessage().getBody(SendResult.class).getType()).isEqualTo("image");
        assertResultHeaders(exchange, "wamid.HBgM...", "sent");
    }

    @Test
    void cloudDocument() throws Exception {
        Exchange exchange = sendDocumented("cloud/document", "POST", "/whatsapp-api/messages/document", """
                {
                "to": "917890000198",
                "fromPhoneNo": "+917890000199",
                "link": "https://example.com/invoice-1234.pdf",
                "filename": "Invoice 1234.pdf",
                "caption": "Your invoice"
                }""", """
                {
                "success": true,
                "data": {
                "messageId": "wamid.HBgM...",
                "status": "sent",
                "type": "document"
                }
                }""");

        assertThat(exchange.getMessage().getBody(SendResult.class).getType()).isEqualTo("document");
        assertResultHeaders(exchange, "wamid.HBgM...", "sent");
    }

    @Test
    void cloudSendWithContact() throws Exception {
        Exchange exchange = sendDocumented("cloud/send", "POST", "/whatsapp-api/messages/send", """
                {
                "to": "917890000198",
                "fromPhoneNo": "+917890000199",
                "contact": {
                "first_name": "Sayantan",
                "email": "sayantan@example.com",
                "tags": [
                "new-lead"
                ]
                },
                "type": "text",
                "payload": {
                "body": "Hi Sayantan, thanks for signing up. Your account is now active."
                }
                }""", """
                {
                "success": true,
                "data": {
                "contact": {
                "_id": "6a2c5...",
                "phoneNumber": "917890000198",
                "first_name": "Sayantan",
                "email": "sayantan@example.com",
                "tags": [
                "new-lead"
                ]
                },
                "message": {
                "messageId": "wamid.HBgM...",
                "status": "sent",
                "to": "917890000198",
                "type": "text"
                }
                }
                }""");

        CombinedSendResult result = exchange.getMessage().getBody(CombinedSendResult.class);
        assertThat(result.getContact().getId()).isEqualTo("6a2c5...");
        assertThat(result.getContact().getPhoneNumber()).isEqualTo("917890000198");
        assertThat(result.getContact().getFirstName()).isEqualTo("Sayantan");
        assertThat(result.getContact().getEmail()).isEqualTo("sayantan@example.com");
        assertThat(result.getContact().getTags()).containsExactly("new-lead");
        assertThat(result.getMessage().getMessageId()).isEqualTo("wamid.HBgM...");
        assertThat(result.getMessage().getType()).isEqualTo("text");
        assertResultHeaders(exchange, "wamid.HBgM...", "sent");
    }

    @Test
    void contactsUpdate() throws Exception {
        Exchange exchange = sendDocumented("contacts/update", "PATCH", "/contacts", """
                {
                "phoneNumber": "917890000198",
                "countryCode": "+91",
                "updates": {
                "first_name": "Sayantan",
                "last_name": "Kar",
                "tags": [
                "vip",
                "crm-sync"
                ]
                }
                }""", """
                {
                "success": true,
                "data": {
                "_id": "6a2c5...",
                "phoneNumber": "917890000198",
                "first_name": "Sayantan",
                "last_name": "Kar",
                "tags": [
                "vip",
                "crm-sync"
                ]
                }
                }""");

        Contact contact = exchange.getMessage().getBody(Contact.class);
        assertThat(contact.getId()).isEqualTo("6a2c5...");
        assertThat(contact.getPhoneNumber()).isEqualTo("917890000198");
        assertThat(contact.getFirstName()).isEqualTo("Sayantan");
        assertThat(contact.getLastName()).isEqualTo("Kar");
        assertThat(contact.getTags()).containsExactly("vip", "crm-sync");
    }

    @Test
    void qrText() throws Exception {
        Exchange exchange = sendDocumented("qr/text", "POST", "/whatsapp-qr/messages/text", """
                {
                "to": "917890000198",
                "fromPhoneNo": "+917890000199",
                "body": "Hello from a WAAPI QR session."
                }""", """
                {
                "success": true,
                "data": {
                "messageId": "BAE5...",
                "from": "917890000199",
                "sessionId": "sess_abc",
                "to": "917890000198@s.whatsapp.net",
                "type": "text"
                }
                }""");

        SendResult result = exchange.getMessage().getBody(SendResult.class);
        assertThat(result.getMessageId()).isEqualTo("BAE5...");
        assertThat(result.getFrom()).isEqualTo("917890000199");
        assertThat(result.getSessionId()).isEqualTo("sess_abc");
        assertThat(result.getTo()).isEqualTo("917890000198@s.whatsapp.net");
        assertThat(exchange.getMessage().getHeader(WaapiConstants.MESSAGE_ID)).isEqualTo("BAE5...");
        assertThat(exchange.getMessage().getHeaders()).doesNotContainKey(WaapiConstants.MESSAGE_STATUS);
    }

    @Test
    void qrImage() throws Exception {
        Exchange exchange = sendDocumented("qr/image", "POST", "/whatsapp-qr/messages/image", """
                {
                "to": "917890000198",
                "fromPhoneNo": "+917890000199",
                "link": "https://example.com/order.jpg",
                "caption": "Your order"
                }""", """
                {
                "success": true,
                "data": {
                "messageId": "BAE5...",
                "sessionId": "sess_abc",
                "type": "image"
                }
                }""");

        SendResult result = exchange.getMessage().getBody(SendResult.class);
        assertThat(result.getSessionId()).isEqualTo("sess_abc");
        assertThat(result.getType()).isEqualTo("image");
        assertThat(exchange.getMessage().getHeader(WaapiConstants.MESSAGE_ID)).isEqualTo("BAE5...");
    }

    @Test
    void qrSessions() {
        stub(get(urlPathEqualTo(path("/whatsapp-qr/sessions"))), 200, """
                {
                "success": true,
                "data": [
                {
                "sessionId": "sess_abc",
                "sessionName": "Primary",
                "phoneNumber": "917890000199",
                "status": "connected"
                }
                ],
                "count": 1
                }""");

        Exchange exchange = send("waapi:qr/sessions", null);

        assertThat(exchange.getException()).isNull();
        verifyGetRequest("/whatsapp-qr/sessions");
        List<?> sessions = exchange.getMessage().getBody(List.class);
        assertThat(sessions).hasSize(1);
        QrSession session = (QrSession) sessions.get(0);
        assertThat(session.getSessionId()).isEqualTo("sess_abc");
        assertThat(session.getSessionName()).isEqualTo("Primary");
        assertThat(session.getPhoneNumber()).isEqualTo("917890000199");
        assertThat(session.getStatus()).isEqualTo("connected");
    }

    // the operations the reference describes without a request example

    @Test
    void cloudVideo() throws Exception {
        sendDocumented("cloud/video", "POST", "/whatsapp-api/messages/video", """
                {"to": "917890000198", "fromPhoneNo": "+917890000199",
                 "link": "https://example.com/unboxing.mp4", "caption": "Unboxing"}""", SENT);
    }

    @Test
    void cloudAudioByMediaId() throws Exception {
        sendDocumented("cloud/audio", "POST", "/whatsapp-api/messages/audio", """
                {"to": "917890000198", "fromPhoneNo": "+917890000199", "mediaId": "1234567890123456"}""", SENT);
    }

    @Test
    void cloudSticker() throws Exception {
        sendDocumented("cloud/sticker", "POST", "/whatsapp-api/messages/sticker", """
                {"to": "917890000198", "fromPhoneNo": "+917890000199", "link": "https://example.com/thanks.webp"}""", SENT);
    }

    @Test
    void contactsUpsert() throws Exception {
        Exchange exchange = sendDocumented("contacts/upsert", "POST", "/contacts", """
                {"phoneNumber": "917890000198", "countryCode": "+91", "first_name": "Sayantan",
                 "email": "sayantan@example.com", "tags": ["new-lead"]}""", """
                {"success": true, "data": {"_id": "6a2c5...", "phoneNumber": "917890000198", "first_name": "Sayantan",
                 "email": "sayantan@example.com", "tags": ["new-lead"]}}""");

        Contact contact = exchange.getMessage().getBody(Contact.class);
        assertThat(contact.getId()).isEqualTo("6a2c5...");
        assertThat(contact.getEmail()).isEqualTo("sayantan@example.com");
    }

    @Test
    void qrVideoBySession() throws Exception {
        sendDocumented("qr/video", "POST", "/whatsapp-qr/messages/video", """
                {"to": "917890000198", "sessionId": "sess_abc", "link": "https://example.com/unboxing.mp4",
                 "caption": "Unboxing"}""", QR_SENT);
    }

    @Test
    void qrAudio() throws Exception {
        sendDocumented("qr/audio", "POST", "/whatsapp-qr/messages/audio", """
                {"to": "917890000198", "fromPhoneNo": "+917890000199", "link": "https://example.com/voice.ogg"}""", QR_SENT);
    }

    @Test
    void qrDocument() throws Exception {
        sendDocumented("qr/document", "POST", "/whatsapp-qr/messages/document", """
                {"to": "917890000198", "fromPhoneNo": "+917890000199", "link": "https://example.com/invoice-1234.pdf",
                 "filename": "Invoice 1234.pdf", "caption": "Your invoice"}""", QR_SENT);
    }

    @Test
    void qrLocation() throws Exception {
        sendDocumented("qr/location", "POST", "/whatsapp-qr/messages/location", """
                {"to": "917890000198", "fromPhoneNo": "+917890000199", "latitude": 22.5726, "longitude": 88.3639,
                 "name": "Warehouse", "address": "Salt Lake, Kolkata"}""", QR_SENT);
    }

    private static final String SENT = """
            {"success": true, "data": {"messageId": "wamid.OTHER", "status": "sent"}}""";
    private static final String QR_SENT = """
            {"success": true, "data": {"messageId": "BAE5...", "sessionId": "sess_abc"}}""";

    /**
     * Stubs the call, sends the documented request JSON (as a JsonNode, what {@code unmarshal().json()} gives) and
     * checks that exactly that JSON went out with the auth headers.
     */
    private Exchange sendDocumented(String operation, String method, String apiPath, String requestJson, String answer)
            throws Exception {
        stub(("PATCH".equals(method) ? patch(urlPathEqualTo(path(apiPath))) : post(urlPathEqualTo(path(apiPath)))),
                200, answer);

        Exchange exchange = send("waapi:" + operation, JSON.readTree(requestJson));

        assertThat(exchange.getException()).isNull();
        verifyJsonRequest(method, apiPath, requestJson);
        String expectedId = JSON.readTree(answer).path("data").path("messageId").asText(null);
        if (expectedId != null) {
            assertThat(exchange.getMessage().getHeader(WaapiConstants.MESSAGE_ID)).isEqualTo(expectedId);
        }
        return exchange;
    }

    private static void assertResultHeaders(Exchange exchange, String messageId, String status) {
        assertThat(exchange.getMessage().getHeader(WaapiConstants.MESSAGE_ID)).isEqualTo(messageId);
        assertThat(exchange.getMessage().getHeader(WaapiConstants.MESSAGE_STATUS)).isEqualTo(status);
    }
}
