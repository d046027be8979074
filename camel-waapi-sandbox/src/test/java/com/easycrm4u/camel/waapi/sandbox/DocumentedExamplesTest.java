package com.easycrm4u.camel.waapi.sandbox;

import com.easycrm4u.camel.waapi.sandbox.RawApi.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.easycrm4u.camel.waapi.sandbox.DocumentedShape.assertMatches;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request example of the API reference, sent as raw bytes, gets the reference's answer: status, fields, values.
 */
class DocumentedExamplesTest {

    private static final String CUSTOMER = "917890000198";
    private static final String NUMBER = "+917890000199";

    private WaapiSandbox sandbox;
    private RawApi api;

    @BeforeEach
    void start() {
        sandbox = WaapiSandbox.builder()
                .apiKey(SandboxApiKey.builder("waapi_YOUR_API_KEY").secret("secr_YOUR_API_SECRET").name("Production CRM")
                        .build())
                .template(SandboxTemplate.of("order_shipped", "en"))
                .build().start();
        api = new RawApi(sandbox).as("waapi_YOUR_API_KEY", "secr_YOUR_API_SECRET");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void ping() {
        Answer answer = api.get("/ping");
        assertThat(answer.status()).isEqualTo(200);
        assertMatches(answer.json(), """
                {"success": true, "pong": true, "vendorId": "6a2a74...", "apiKeyName": "Production CRM"}""");
    }

    @Test
    void pingWithoutKey() {
        Answer answer = api.as(null, null).get("/ping");
        assertThat(answer.status()).isEqualTo(401);
        assertMatches(answer.json(), """
                {"success": false,
                 "message": "API key required (Authorization: Bearer <waapi_… key or JWT> or X-API-Key header)"}""");
    }

    @Test
    void pingWithoutSecret() {
        Answer answer = api.as("waapi_YOUR_API_KEY", null).get("/ping");
        assertThat(answer.status()).isEqualTo(401);
        assertMatches(answer.json(), """
                {"success": false, "message": "API secret required (X-API-Secret header)"}""");
    }

    @Test
    void pingWithWrongSecret() {
        Answer answer = api.as("waapi_YOUR_API_KEY", "secr_WRONG").get("/ping");
        assertThat(answer.status()).isEqualTo(401);
        assertMatches(answer.json(), """
                {"success": false, "message": "Invalid API secret"}""");
    }

    @Test
    void sendTemplate() {
        Answer answer = api.post("/whatsapp-api/messages/template", TEMPLATE_REQUEST);
        assertThat(answer.status()).isEqualTo(200);
        assertMatches(answer.json(), """
                {"success": true,
                 "data": {"messageId": "wamid.HBgM...", "id": "6a2dbff6...", "status": "sent", "to": "917890000198",
                          "type": "template", "timestamp": "2026-06-17T12:00:00.000Z"}}""");
        assertThat(sandbox.getSentMessages()).singleElement().satisfies(m -> {
            assertThat(m.getMessageId()).isEqualTo(answer.json().at("/data/messageId").asText());
            assertThat(m.getRequest().at("/components/0/parameters/1/text").asText()).isEqualTo("AWB-12345");
        });
    }

    @Test
    void sendTemplateThatIsNotApproved() {
        Answer answer = api.post("/whatsapp-api/messages/template", TEMPLATE_REQUEST.replace("order_shipped", "order_lost"));
        assertThat(answer.status()).isEqualTo(400);
        assertMatches(answer.json(), """
                {"success": false, "error": "(#132001) Template name does not exist in the translation"}""");
        assertThat(sandbox.getSentMessages()).isEmpty();
    }

    @Test
    void sendTemplateWithReadScope() {
        sandbox.addApiKey(SandboxApiKey.builder("waapi_reader").secret("secr_reader").name("Reader")
                .scope(SandboxApiKey.Scope.READ).build());
        Answer answer = api.as("waapi_reader", "secr_reader").post("/whatsapp-api/messages/template", TEMPLATE_REQUEST);
        assertThat(answer.status()).isEqualTo(403);
        assertMatches(answer.json(), """
                {"success": false, "message": "API key scope 'read' does not permit send actions"}""");
    }

    @Test
    void sendText() {
        sandbox.openServiceWindow(CUSTOMER, NUMBER);
        Answer answer = api.post("/whatsapp-api/messages/text", """
                {"to": "917890000198", "fromPhoneNo": "+917890000199", "body": "Hello from the WAAPI public API.",
                 "previewUrl": false}""");
        assertThat(answer.status()).isEqualTo(200);
        assertMatches(answer.json(), """
                {"success": true,
                 "data": {"messageId": "wamid.HBgM...", "status": "sent", "to": "917890000198", "type": "text"}}""");
    }

    @Test
    void sendTextOutsideTheServiceWindow() {
        Answer answer = api.post("/whatsapp-api/messages/text", """
                {"to": "917890000198", "fromPhoneNo": "+917890000199", "body": "Hello from the WAAPI public API.",
                 "previewUrl": false}""");
        assertThat(answer.status()).isEqualTo(400);
        assertMatches(answer.json(), """
                {"success": false,
                 "error": "(#131047) Re-engagement message: outside 24h window — send a template instead"}""");
    }

    @Test
    void sendImage() {
        sandbox.openServiceWindow(CUSTOMER, NUMBER);
        Answer answer = api.post("/whatsapp-api/messages/image", """
                {"to": "917890000198", "fromPhoneNo": "+917890000199", "link": "https://example.com/order.jpg",
                 "caption": "Your order, packed"}""");
        assertThat(answer.status()).isEqualTo(200);
        assertMatches(answer.json(), """
                {"success": true, "data": {"messageId": "wamid.HBgM...", "status": "sent", "type": "image"}}""");
    }

    @Test
    void sendDocument() {
        sandbox.openServiceWindow(CUSTOMER, NUMBER);
        Answer answer = api.post("/whatsapp-api/messages/document", """
                {"to": "917890000198", "fromPhoneNo": "+917890000199", "link": "https://example.com/invoice-1234.pdf",
                 "filename": "Invoice 1234.pdf", "caption": "Your invoice"}""");
        assertThat(answer.status()).isEqualTo(200);
        assertMatches(answer.json(), """
                {"success": true, "data": {"messageId": "wamid.HBgM...", "status": "sent", "type": "document"}}""");
    }

    @Test
    void sendAndUpsertContact() {
        sandbox.openServiceWindow(CUSTOMER, NUMBER);
        Answer answer = api.post("/whatsapp-api/messages/send", COMBINED_REQUEST);
        assertThat(answer.status()).isEqualTo(200);
        assertMatches(answer.json(), """
                {"success": true,
                 "data": {"contact": {"_id": "6a2c5...", "phoneNumber": "917890000198", "first_name": "Sayantan",
                                      "email": "sayantan@example.com", "tags": ["new-lead"]},
                          "message": {"messageId": "wamid.HBgM...", "status": "sent", "to": "917890000198",
                                      "type": "text"}}}""");
        assertThat(sandbox.getContact("+917890000198").getEmail()).isEqualTo("sayantan@example.com");
    }

    @Test
    void sendAndUpsertContactWithoutContactsWrite() {
        sandbox.addApiKey(SandboxApiKey.builder("waapi_sender").secret("secr_sender").name("Sender")
                .permissions(SandboxApiKey.MESSAGES_SEND).build());
        Answer answer = api.as("waapi_sender", "secr_sender").post("/whatsapp-api/messages/send", COMBINED_REQUEST);
        assertThat(answer.status()).isEqualTo(403);
        assertMatches(answer.json(), """
                {"success": false, "error": "API key needs 'contacts.write' for combined send+upsert"}""");
        assertThat(sandbox.getContacts()).isEmpty();
    }

    @Test
    void sendAndUpsertContactOfUnsupportedType() {
        Answer answer = api.post("/whatsapp-api/messages/send", COMBINED_REQUEST.replace("\"text\"", "\"sticker-pack\""));
        assertThat(answer.status()).isEqualTo(400);
        assertMatches(answer.json(), """
                {"success": false, "error": "Unsupported type 'sticker-pack'"}""");
    }

    @Test
    void updateContact() {
        sandbox.putContact("+917890000198", "Sayan", null);
        Answer answer = api.patch("/contacts", UPDATE_REQUEST);
        assertThat(answer.status()).isEqualTo(200);
        assertMatches(answer.json(), """
                {"success": true,
                 "data": {"_id": "6a2c5...", "phoneNumber": "917890000198", "first_name": "Sayantan", "last_name": "Kar",
                          "tags": ["vip", "crm-sync"]}}""");
    }

    @Test
    void updateContactThatDoesNotExist() {
        Answer answer = api.patch("/contacts", UPDATE_REQUEST);
        assertThat(answer.status()).isEqualTo(404);
        assertMatches(answer.json(), """
                {"success": false, "error": "Contact not found"}""");
        assertThat(sandbox.getContacts()).isEmpty();
    }

    @Test
    void updateContactWithNothingToUpdate() {
        sandbox.putContact("+917890000198", "Sayan", null);
        Answer answer = api.patch("/contacts", """
                {"phoneNumber": "917890000198", "countryCode": "+91", "updates": {}}""");
        assertThat(answer.status()).isEqualTo(400);
        assertMatches(answer.json(), """
                {"success": false, "error": "No updatable fields provided"}""");
    }

    @Test
    void qrText() {
        Answer answer = api.post("/whatsapp-qr/messages/text", """
                {"to": "917890000198", "fromPhoneNo": "+917890000199", "body": "Hello from a WAAPI QR session."}""");
        assertThat(answer.status()).isEqualTo(200);
        assertMatches(answer.json(), """
                {"success": true,
                 "data": {"messageId": "BAE5...", "from": "917890000199", "sessionId": "sess_abc",
                          "to": "917890000198@s.whatsapp.net", "type": "text"}}""");
    }

    @Test
    void qrTextWithoutConnectedSession() {
        sandbox.setQrSessionConnected(WaapiSandbox.DEFAULT_QR_SESSION_ID, false);
        Answer answer = api.post("/whatsapp-qr/messages/text", """
                {"to": "917890000198", "fromPhoneNo": "+917890000199", "body": "Hello from a WAAPI QR session."}""");
        assertThat(answer.status()).isEqualTo(400);
        assertMatches(answer.json(), """
                {"success": false, "error": "No connected WhatsApp QR session found. Connect a device first."}""");
    }

    @Test
    void qrTextWithKeyWithoutQrService() {
        sandbox.addApiKey(SandboxApiKey.builder("waapi_cloud").secret("secr_cloud").name("Cloud only")
                .services(SandboxApiKey.Service.CLOUD_API).build());
        Answer answer = api.as("waapi_cloud", "secr_cloud").post("/whatsapp-qr/messages/text", """
                {"to": "917890000198", "fromPhoneNo": "+917890000199", "body": "Hello from a WAAPI QR session."}""");
        assertThat(answer.status()).isEqualTo(403);
        assertMatches(answer.json(), """
                {"success": false, "message": "This API key is not authorized for the WhatsApp QR service"}""");
    }

    @Test
    void qrImage() {
        Answer answer = api.post("/whatsapp-qr/messages/image", """
                {"to": "917890000198", "fromPhoneNo": "+917890000199", "link": "https://example.com/order.jpg",
                 "caption": "Your order"}""");
        assertThat(answer.status()).isEqualTo(200);
        assertMatches(answer.json(), """
                {"success": true, "data": {"messageId": "BAE5...", "sessionId": "sess_abc", "type": "image"}}""");
    }

    @Test
    void qrSessions() {
        Answer answer = api.get("/whatsapp-qr/sessions");
        assertThat(answer.status()).isEqualTo(200);
        assertMatches(answer.json(), """
                {"success": true,
                 "data": [{"sessionId": "sess_abc", "sessionName": "Primary", "phoneNumber": "917890000199",
                           "status": "connected"}],
                 "count": 1}""");
    }

    private static final String TEMPLATE_REQUEST = """
            {"to": "917890000198", "fromPhoneNo": "+917890000199", "name": "order_shipped", "language": "en",
             "components": [{"type": "body", "parameters": [{"type": "text", "text": "Sayantan"},
                                                            {"type": "text", "text": "AWB-12345"}]}]}""";

    private static final String COMBINED_REQUEST = """
            {"to": "917890000198", "fromPhoneNo": "+917890000199",
             "contact": {"first_name": "Sayantan", "email": "sayantan@example.com", "tags": ["new-lead"]},
             "type": "text",
             "payload": {"body": "Hi Sayantan, thanks for signing up. Your account is now active."}}""";

    private static final String UPDATE_REQUEST = """
            {"phoneNumber": "917890000198", "countryCode": "+91",
             "updates": {"first_name": "Sayantan", "last_name": "Kar", "tags": ["vip", "crm-sync"]}}""";
}
