package com.easycrm4u.camel.waapi.producer;

import java.util.Map;

import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.WaapiTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each endpoint option and each header on its own, with no body or header value beside it, reaches the request: no
 * value is only ever seen as the fallback of another.
 */
class OptionsAloneTest extends WaapiTestSupport {

    private static final String TO = "917890000198";
    private static final String FROM = "%2B917890000199";
    private static final Map<String, Object> TO_HEADER = Map.of(WaapiConstants.TO, TO);

    @BeforeEach
    void answerEveryCall() {
        stub(post(anyUrl()), 200, """
                {"success": true, "data": {"messageId": "wamid.ALONE", "status": "sent"}}""");
        stub(patch(anyUrl()), 200, """
                {"success": true, "data": {"_id": "6a2c5", "phoneNumber": "917890000198"}}""");
    }

    @Test
    void previewUrlOption() {
        assertSent(send("waapi:cloud/text?fromPhoneNo=" + FROM + "&previewUrl=true", "https://example.com", TO_HEADER),
                "POST", "/whatsapp-api/messages/text", """
                        {"to": "917890000198", "fromPhoneNo": "+917890000199", "body": "https://example.com",
                         "previewUrl": true}""");
    }

    @Test
    void previewUrlHeader() {
        assertSent(send("waapi:cloud/text?fromPhoneNo=" + FROM, "https://example.com",
                Map.of(WaapiConstants.TO, TO, WaapiConstants.PREVIEW_URL, true)),
                "POST", "/whatsapp-api/messages/text", """
                        {"to": "917890000198", "fromPhoneNo": "+917890000199", "body": "https://example.com",
                         "previewUrl": true}""");
    }

    @Test
    void filenameOptionOfACloudDocument() {
        assertSent(send("waapi:cloud/document?fromPhoneNo=" + FROM + "&filename=Invoice.pdf", "https://example.com/i.pdf",
                TO_HEADER), "POST", "/whatsapp-api/messages/document", """
                        {"to": "917890000198", "fromPhoneNo": "+917890000199", "link": "https://example.com/i.pdf",
                         "filename": "Invoice.pdf"}""");
    }

    @Test
    void filenameOptionOfAQrDocument() {
        assertSent(send("waapi:qr/document?fromPhoneNo=" + FROM + "&filename=Invoice.pdf", "https://example.com/i.pdf",
                TO_HEADER), "POST", "/whatsapp-qr/messages/document", """
                        {"to": "917890000198", "fromPhoneNo": "+917890000199", "link": "https://example.com/i.pdf",
                         "filename": "Invoice.pdf"}""");
    }

    @Test
    void captionOptionOfAQrImage() {
        assertSent(send("waapi:qr/image?fromPhoneNo=" + FROM + "&caption=Packed", "https://example.com/p.jpg", TO_HEADER),
                "POST", "/whatsapp-qr/messages/image", """
                        {"to": "917890000198", "fromPhoneNo": "+917890000199", "link": "https://example.com/p.jpg",
                         "caption": "Packed"}""");
    }

    @Test
    void mediaIdHeader() {
        assertSent(send("waapi:cloud/image?fromPhoneNo=" + FROM, null,
                Map.of(WaapiConstants.TO, TO, WaapiConstants.MEDIA_ID, "1234567890")),
                "POST", "/whatsapp-api/messages/image", """
                        {"to": "917890000198", "fromPhoneNo": "+917890000199", "mediaId": "1234567890"}""");
    }

    @Test
    void mediaLinkHeader() {
        assertSent(send("waapi:qr/audio?fromPhoneNo=" + FROM, null,
                Map.of(WaapiConstants.TO, TO, WaapiConstants.MEDIA_LINK, "https://example.com/a.ogg")),
                "POST", "/whatsapp-qr/messages/audio", """
                        {"to": "917890000198", "fromPhoneNo": "+917890000199", "link": "https://example.com/a.ogg"}""");
    }

    @Test
    void sessionIdHeader() {
        assertSent(send("waapi:qr/text", "Hello", Map.of(WaapiConstants.TO, TO, WaapiConstants.SESSION_ID, "sess_1")),
                "POST", "/whatsapp-qr/messages/text", """
                        {"to": "917890000198", "sessionId": "sess_1", "body": "Hello"}""");
    }

    @Test
    void sessionIdOption() {
        assertSent(send("waapi:qr/text?sessionId=sess_1", "Hello", TO_HEADER), "POST", "/whatsapp-qr/messages/text", """
                {"to": "917890000198", "sessionId": "sess_1", "body": "Hello"}""");
    }

    @Test
    void countryCodeOptionOfAnUpsert() {
        assertSent(send("waapi:contacts/upsert?countryCode=%2B91", Map.of("phoneNumber", "7890000198")),
                "POST", "/contacts", """
                        {"phoneNumber": "7890000198", "countryCode": "+91"}""");
    }

    @Test
    void countryCodeOptionOfAnUpdate() {
        assertSent(send("waapi:contacts/update?countryCode=%2B91",
                Map.of("phoneNumber", "7890000198", "updates", Map.of("first_name", "Sayantan"))),
                "PATCH", "/contacts", """
                        {"phoneNumber": "7890000198", "countryCode": "+91", "updates": {"first_name": "Sayantan"}}""");
    }

    @Test
    void upsertHeaders() {
        assertSent(send("waapi:contacts/upsert", null,
                Map.of(WaapiConstants.PHONE_NUMBER, "7890000198", WaapiConstants.COUNTRY_CODE, "+91")),
                "POST", "/contacts", """
                        {"phoneNumber": "7890000198", "countryCode": "+91"}""");
    }

    @Test
    void updateHeaders() {
        assertSent(send("waapi:contacts/update", null,
                Map.of(WaapiConstants.PHONE_NUMBER, "7890000198", WaapiConstants.COUNTRY_CODE, "+91",
                        WaapiConstants.CONTACT, Map.of("email", "s@example.com"))),
                "PATCH", "/contacts", """
                        {"phoneNumber": "7890000198", "countryCode": "+91", "updates": {"email": "s@example.com"}}""");
    }

    @Test
    void combinedSendCountryCodeOption() {
        assertSent(send("waapi:cloud/send?fromPhoneNo=" + FROM + "&messageType=text&countryCode=%2B91", "Hi", TO_HEADER),
                "POST", "/whatsapp-api/messages/send", """
                        {"to": "917890000198", "fromPhoneNo": "+917890000199", "countryCode": "+91", "contact": {},
                         "type": "text", "payload": {"body": "Hi"}}""");
    }

    @Test
    void combinedSendTemplateDefaults() {
        assertSent(send("waapi:cloud/send?fromPhoneNo=" + FROM + "&messageType=template&templateName=welcome&language=de",
                null, TO_HEADER), "POST", "/whatsapp-api/messages/send", """
                        {"to": "917890000198", "fromPhoneNo": "+917890000199", "contact": {}, "type": "template",
                         "payload": {"name": "welcome", "language": "de"}}""");
    }

    @Test
    void combinedSendPreviewUrlDefault() {
        assertSent(send("waapi:cloud/send?fromPhoneNo=" + FROM + "&messageType=text&previewUrl=false", "https://example.com",
                TO_HEADER), "POST", "/whatsapp-api/messages/send", """
                        {"to": "917890000198", "fromPhoneNo": "+917890000199", "contact": {}, "type": "text",
                         "payload": {"body": "https://example.com", "previewUrl": false}}""");
    }

    @Test
    void combinedSendMediaDefaults() {
        assertSent(send("waapi:cloud/send?fromPhoneNo=" + FROM + "&messageType=document&caption=Invoice&filename=i.pdf",
                "https://example.com/i.pdf", TO_HEADER), "POST", "/whatsapp-api/messages/send", """
                        {"to": "917890000198", "fromPhoneNo": "+917890000199", "contact": {}, "type": "document",
                         "payload": {"link": "https://example.com/i.pdf", "caption": "Invoice", "filename": "i.pdf"}}""");
    }

    @Test
    void combinedSendOptionsOfOtherTypesStayOut() {
        // a caption and a file name are only media fields, a template name only a template's, previewUrl only a text's
        assertSent(send("waapi:cloud/send?fromPhoneNo=" + FROM
                        + "&messageType=text&caption=Invoice&filename=i.pdf&templateName=welcome&language=de",
                "Hi", TO_HEADER),
                "POST", "/whatsapp-api/messages/send", """
                        {"to": "917890000198", "fromPhoneNo": "+917890000199", "contact": {}, "type": "text",
                         "payload": {"body": "Hi"}}""");
        wireMock.resetRequests();
        assertSent(send("waapi:cloud/send?fromPhoneNo=" + FROM + "&messageType=image&filename=i.pdf&previewUrl=true",
                "https://example.com/p.jpg", TO_HEADER), "POST", "/whatsapp-api/messages/send", """
                        {"to": "917890000198", "fromPhoneNo": "+917890000199", "contact": {}, "type": "image",
                         "payload": {"link": "https://example.com/p.jpg"}}""");
    }

    private void assertSent(Exchange exchange, String method, String path, String json) {
        assertThat(exchange.getException()).isNull();
        verifyJsonRequest(method, path, json);
    }
}
