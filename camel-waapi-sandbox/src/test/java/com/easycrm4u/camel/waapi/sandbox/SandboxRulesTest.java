package com.easycrm4u.camel.waapi.sandbox;

import java.time.Duration;
import java.time.Instant;

import com.easycrm4u.camel.waapi.sandbox.RawApi.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules behind the answers: keys, numbers, permissions, templates, the service window, contacts, quotas. */
class SandboxRulesTest {

    private static final String CUSTOMER = "+917890000198";
    private static final String NUMBER = "+917890000199";
    private static final String OTHER_NUMBER = "+4915112345678";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-17T12:00:00Z"));
    private WaapiSandbox sandbox;
    private RawApi api;

    @BeforeEach
    void start() {
        sandbox = WaapiSandbox.builder()
                .clock(clock)
                .phoneNumber(NUMBER, "1226212787235581")
                .phoneNumber(OTHER_NUMBER, "2000000000000001")
                .apiKey(SandboxApiKey.builder("waapi_main").secret("secr_main").name("Main").numbers(NUMBER).build())
                .template(SandboxTemplate.of("order_shipped", "en").withBodyParameters(2))
                .template(SandboxTemplate.of("welcome", "en_US").withCategory("marketing"))
                .build().start();
        api = new RawApi(sandbox).as("waapi_main", "secr_main");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void unknownKeyIsRejected() {
        Answer answer = api.as("waapi_nobody", "secr_main").get("/ping");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("message").asText()).isEqualTo("Invalid API key");
    }

    @Test
    void aClosedSandboxCannotBeRestarted() {
        sandbox.close();
        org.assertj.core.api.Assertions.assertThatThrownBy(sandbox::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void keyWithoutSecretNeedsNone() {
        sandbox.addApiKey(SandboxApiKey.builder("waapi_open").name("Open").build());
        assertThat(api.as("waapi_open", null).get("/ping").status()).isEqualTo(200);
    }

    @Test
    void bearerKeyIsAccepted() {
        sandbox.addApiKey(SandboxApiKey.builder("waapi_bearer").name("Bearer").build());
        RawApi bearer = api.as(null, null);
        Answer answer = bearer.call("GET", "/ping", null);
        assertThat(answer.status()).isEqualTo(401);
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(sandbox.getBaseUrl() + "/ping")).header("Authorization", "Bearer waapi_bearer").build();
        assertThat(send(request)).isEqualTo(200);
    }

    @Test
    void sendingFromAnUnboundNumberIsForbidden() {
        Answer answer = api.post("/whatsapp-api/messages/template", template(OTHER_NUMBER, "order_shipped", "en", 2));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("success").asBoolean()).isFalse();
        assertThat(answer.json().get("error").asText()).contains("+4915112345678").contains("not one of the WhatsApp numbers");
        assertThat(sandbox.getSentMessages()).isEmpty();
    }

    @Test
    void sendingFromANumberOfAnotherVendorIsForbiddenForAllNumberKeys() {
        sandbox.addApiKey(SandboxApiKey.builder("waapi_all").name("All").build());
        Answer answer = api.as("waapi_all", null).post("/whatsapp-api/messages/template",
                template("+15550001111", "order_shipped", "en", 2));
        assertThat(answer.status()).isEqualTo(403);
    }

    @Test
    void missingSendPermissionIsForbidden() {
        sandbox.addApiKey(
                SandboxApiKey.builder("waapi_contacts").name("Contacts").permissions(SandboxApiKey.CONTACTS_WRITE).build());
        Answer answer = api.as("waapi_contacts", null).post("/whatsapp-api/messages/template",
                template(NUMBER, "order_shipped", "en", 2));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("error").asText()).isEqualTo("API key needs 'messages.send' permission");
    }

    @Test
    void missingContactsWritePermissionIsForbidden() {
        sandbox.addApiKey(
                SandboxApiKey.builder("waapi_sender").name("Sender").permissions(SandboxApiKey.MESSAGES_SEND).build());
        Answer answer = api.as("waapi_sender", null).post("/contacts", "{\"phoneNumber\": \"917890000198\"}");
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("error").asText()).isEqualTo("API key needs 'contacts.write' permission");
    }

    @Test
    void missingReadPermissionCannotListSessions() {
        sandbox.addApiKey(
                SandboxApiKey.builder("waapi_sender").name("Sender").permissions(SandboxApiKey.MESSAGES_SEND).build());
        assertThat(api.as("waapi_sender", null).get("/whatsapp-qr/sessions").status()).isEqualTo(403);
    }

    @Test
    void readScopeCannotWriteContactsButCanListSessions() {
        sandbox.addApiKey(SandboxApiKey.builder("waapi_reader").name("Reader").scope(SandboxApiKey.Scope.READ).build());
        RawApi reader = api.as("waapi_reader", null);
        Answer answer = reader.post("/contacts", "{\"phoneNumber\": \"917890000198\"}");
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("message").asText()).isEqualTo("API key scope 'read' does not permit write actions");
        assertThat(reader.get("/whatsapp-qr/sessions").status()).isEqualTo(200);
    }

    @Test
    void qrOnlyKeyCannotUseTheCloudApi() {
        sandbox.addApiKey(SandboxApiKey.builder("waapi_qr").name("QR").services(SandboxApiKey.Service.QR).build());
        Answer answer
                = api.as("waapi_qr", null).post("/whatsapp-api/messages/template", template(NUMBER, "order_shipped", "en", 2));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("message").asText())
                .isEqualTo("This API key is not authorized for the WhatsApp Cloud API service");
    }

    @Test
    void templatesMustBeApprovedInThatLanguage() {
        Answer wrongLanguage = api.post("/whatsapp-api/messages/template", template(NUMBER, "order_shipped", "en_US", 2));
        assertThat(wrongLanguage.status()).isEqualTo(400);
        assertThat(wrongLanguage.json().get("error").asText()).startsWith("(#132001)");
        Answer wrongCase = api.post("/whatsapp-api/messages/template", template(NUMBER, "Order_Shipped", "en", 2));
        assertThat(wrongCase.status()).isEqualTo(400);
        sandbox.removeTemplate("order_shipped", "en");
        assertThat(api.post("/whatsapp-api/messages/template", template(NUMBER, "order_shipped", "en", 2)).status())
                .isEqualTo(400);
    }

    @Test
    void templateParameterCountIsChecked() {
        Answer answer = api.post("/whatsapp-api/messages/template", template(NUMBER, "order_shipped", "en", 1));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asText()).startsWith("(#132000)");
        assertThat(api.post("/whatsapp-api/messages/template", template(NUMBER, "welcome", "en_US", 0)).status())
                .isEqualTo(200);
    }

    @Test
    void aCustomerMessageOpensTheServiceWindowFor24Hours() {
        String text = "{\"to\": \"917890000198\", \"fromPhoneNo\": \"+917890000199\", \"body\": \"Your order shipped\"}";
        assertThat(api.post("/whatsapp-api/messages/text", text).json().get("error").asText()).startsWith("(#131047)");

        sandbox.injectText(CUSTOMER, NUMBER, "Hi, is the order shipped?");
        assertThat(api.post("/whatsapp-api/messages/text", text).status()).isEqualTo(200);

        clock.advance(Duration.ofHours(23).plusMinutes(59));
        assertThat(api.post("/whatsapp-api/messages/text", text).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(2));
        Answer closed = api.post("/whatsapp-api/messages/text", text);
        assertThat(closed.status()).isEqualTo(400);
        assertThat(closed.json().get("error").asText()).startsWith("(#131047)");
        // templates are allowed outside the window
        assertThat(api.post("/whatsapp-api/messages/template", template(NUMBER, "order_shipped", "en", 2)).status())
                .isEqualTo(200);
    }

    @Test
    void theServiceWindowIsPerBusinessNumber() {
        sandbox.addApiKey(SandboxApiKey.builder("waapi_all").name("All").build());
        sandbox.injectText(CUSTOMER, OTHER_NUMBER, "Hallo");
        Answer answer = api.as("waapi_all", null).post("/whatsapp-api/messages/text",
                "{\"to\": \"917890000198\", \"fromPhoneNo\": \"+917890000199\", \"body\": \"Hi\"}");
        assertThat(answer.status()).isEqualTo(400);
    }

    @Test
    void mediaSendsNeedTheWindowAndExactlyOneSource() {
        sandbox.openServiceWindow(CUSTOMER, NUMBER);
        assertThat(error(api.post("/whatsapp-api/messages/video",
                "{\"to\": \"917890000198\", \"fromPhoneNo\": \"+917890000199\"}")))
                .isEqualTo("One of 'link' or 'mediaId' is required");
        assertThat(error(api.post("/whatsapp-api/messages/audio",
                "{\"to\": \"917890000198\", \"fromPhoneNo\": \"+917890000199\", \"link\": \"https://x.test/a.mp3\", \"mediaId\": \"1\"}")))
                .isEqualTo("Pass only one of 'link' and 'mediaId'");
        assertThat(error(api.post("/whatsapp-api/messages/sticker",
                "{\"to\": \"917890000198\", \"fromPhoneNo\": \"+917890000199\", \"mediaId\": \"1\", \"caption\": \"no\"}")))
                .isEqualTo("'caption' is not supported for sticker messages");
        for (String type : new String[] { "video", "audio", "sticker" }) {
            Answer answer = api.post("/whatsapp-api/messages/" + type,
                    "{\"to\": \"917890000198\", \"fromPhoneNo\": \"+917890000199\", \"mediaId\": \"1234567890\"}");
            assertThat(answer.status()).as(type).isEqualTo(200);
            assertThat(answer.json().at("/data/type").asText()).isEqualTo(type);
        }
    }

    @Test
    void requestsAreValidated() {
        assertThat(error(api.post("/whatsapp-api/messages/template", "{\"fromPhoneNo\": \"+917890000199\"}")))
                .isEqualTo("'to' is required");
        assertThat(error(api.post("/whatsapp-api/messages/template", "{\"to\": \"917890000198\"}")))
                .isEqualTo("'fromPhoneNo' is required");
        assertThat(error(api.post("/whatsapp-api/messages/template",
                "{\"to\": \"call me\", \"fromPhoneNo\": \"+917890000199\"}")))
                .startsWith("'to' must be a phone number in E.164");
        assertThat(error(api.post("/whatsapp-api/messages/template",
                "{\"to\": \"917890000198\", \"fromPhoneNo\": \"+917890000199\", \"language\": \"en\"}")))
                .isEqualTo("'name' is required");
        sandbox.openServiceWindow(CUSTOMER, NUMBER);
        assertThat(error(api.post("/whatsapp-api/messages/text",
                "{\"to\": \"917890000198\", \"fromPhoneNo\": \"+917890000199\", \"body\": \""
                                                                 + "x".repeat(4097) + "\"}")))
                .isEqualTo("'body' must be at most 4096 characters");
        assertThat(error(api.post("/whatsapp-api/messages/send",
                "{\"to\": \"917890000198\", \"fromPhoneNo\": \"+917890000199\", \"type\": \"text\", \"payload\": {}}")))
                .isEqualTo("'payload.body' is required");
    }

    @Test
    void malformedJsonIsABadRequest() {
        Answer answer = api.post("/whatsapp-api/messages/text", "{\"to\": \"917890000198\",");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("success").asBoolean()).isFalse();
        assertThat(answer.json().get("error").asText()).startsWith("Malformed JSON body");
        assertThat(error(api.post("/whatsapp-api/messages/text", "[1, 2]")))
                .isEqualTo("Request body must be a JSON object, not array");
    }

    @Test
    void unknownPathsAndMethodsAreJsonErrors() {
        Answer unknown = api.get("/whatsapp-api/messages/fax");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("success").asBoolean()).isFalse();
        assertThat(unknown.json().get("error").asText()).isEqualTo("Not found: GET /api/v1/external/whatsapp-api/messages/fax");
        Answer outside = api.as(null, null).get("/../../other");
        assertThat(outside.status()).isEqualTo(404);
        Answer wrongMethod = api.call("DELETE", "/contacts", null);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("Allow")).isEqualTo("PATCH, POST");
    }

    @Test
    void patchOnlyUpdatesButPostUpserts() {
        String patch
                = "{\"phoneNumber\": \"7890000198\", \"countryCode\": \"+91\", \"updates\": {\"email\": \"s@example.com\"}}";
        assertThat(api.patch("/contacts", patch).status()).isEqualTo(404);
        assertThat(sandbox.getContacts()).isEmpty();

        Answer created = api.post("/contacts",
                "{\"phoneNumber\": \"+91 78900 00198\", \"first_name\": \"Sayantan\", \"tags\": [\"a\"]}");
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().at("/data/phoneNumber").asText()).isEqualTo("917890000198");
        String id = created.json().at("/data/_id").asText();

        Answer updated = api.patch("/contacts", patch);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().at("/data/_id").asText()).isEqualTo(id);
        assertThat(updated.json().at("/data/first_name").asText()).isEqualTo("Sayantan");
        assertThat(updated.json().at("/data/email").asText()).isEqualTo("s@example.com");

        Answer upserted = api.post("/contacts", "{\"phoneNumber\": \"917890000198\", \"tags\": [\"vip\"]}");
        assertThat(upserted.json().at("/data/_id").asText()).isEqualTo(id);
        assertThat(upserted.json().at("/data/tags").toString()).isEqualTo("[\"vip\"]");
        assertThat(sandbox.getContacts()).singleElement().satisfies(c -> {
            assertThat(c.getFirstName()).isEqualTo("Sayantan");
            assertThat(c.getTags()).containsExactly("vip");
        });
        assertThat(error(api.post("/contacts", "{\"phoneNumber\": \"917890000198\", \"tags\": \"vip\"}")))
                .isEqualTo("'tags' must be an array of strings");
        assertThat(error(api.post("/contacts", "{\"first_name\": \"X\"}"))).isEqualTo("'phoneNumber' is required");
    }

    @Test
    void qrSessionsAreChosenByNumberOrId() {
        sandbox.addQrSession("sess_two", "Second", NUMBER, false);
        String bySession = "{\"to\": \"917890000198\", \"sessionId\": \"sess_two\", \"body\": \"Hi\"}";
        assertThat(error(api.post("/whatsapp-qr/messages/text", bySession)))
                .isEqualTo("No connected WhatsApp QR session found. Connect a device first.");
        sandbox.setQrSessionConnected("sess_two", true);
        Answer sent = api.post("/whatsapp-qr/messages/text", bySession);
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.json().at("/data/sessionId").asText()).isEqualTo("sess_two");
        assertThat(error(api.post("/whatsapp-qr/messages/text", "{\"to\": \"917890000198\", \"body\": \"Hi\"}")))
                .isEqualTo("'fromPhoneNo' is required (or pass 'sessionId')");
        assertThat(api.get("/whatsapp-qr/sessions").json().get("count").asInt()).isEqualTo(2);
        Answer byJid = api.post("/whatsapp-qr/messages/text",
                "{\"to\": \"917890000198@s.whatsapp.net\", \"sessionId\": \"sess_two\", \"body\": \"Hi\"}");
        assertThat(byJid.json().at("/data/to").asText()).isEqualTo("917890000198@s.whatsapp.net");
    }

    @Test
    void qrLocationAndMediaVariants() {
        Answer location = api.post("/whatsapp-qr/messages/location",
                "{\"to\": \"917890000198\", \"fromPhoneNo\": \"+917890000199\", \"latitude\": 22.57, \"longitude\": 88.36, \"name\": \"Warehouse\"}");
        assertThat(location.status()).isEqualTo(200);
        assertThat(location.json().at("/data/type").asText()).isEqualTo("location");
        assertThat(error(api.post("/whatsapp-qr/messages/location",
                "{\"to\": \"917890000198\", \"fromPhoneNo\": \"+917890000199\", \"latitude\": 91, \"longitude\": 0}")))
                .isEqualTo("'latitude' must be between -90 and 90");
        for (String type : new String[] { "video", "audio", "document" }) {
            Answer answer = api.post("/whatsapp-qr/messages/" + type,
                    "{\"to\": \"917890000198\", \"fromPhoneNo\": \"+917890000199\", \"link\": \"https://example.com/f\"}");
            assertThat(answer.status()).as(type).isEqualTo(200);
        }
        assertThat(error(api.post("/whatsapp-qr/messages/image",
                "{\"to\": \"917890000198\", \"fromPhoneNo\": \"+917890000199\", \"mediaId\": \"1\"}")))
                .isEqualTo("'link' is required");
        assertThat(sandbox.getSentMessages()).extracting(SentMessage::getChannel).containsOnly("qr");
    }

    @Test
    void perKeyQuotaAnswers429WithRetryAfter() {
        sandbox.addApiKey(SandboxApiKey.builder("waapi_slow").name("Slow").quotaPerMinute(2).build());
        RawApi slow = api.as("waapi_slow", null);
        assertThat(slow.get("/ping").status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(20));
        assertThat(slow.get("/ping").status()).isEqualTo(200);
        Answer limited = slow.get("/ping");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("40");
        assertThat(limited.json().get("success").asBoolean()).isFalse();
        assertThat(limited.json().get("message").asText()).contains("2 requests per minute");
        // other keys have their own quota
        assertThat(api.get("/ping").status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(40));
        assertThat(slow.get("/ping").status()).isEqualTo(200);
    }

    @Test
    void introspectionShowsMessagesPerKeyAndRequests() {
        sandbox.addApiKey(SandboxApiKey.builder("waapi_second").name("Second").build());
        api.post("/whatsapp-api/messages/template", template(NUMBER, "order_shipped", "en", 2));
        api.as("waapi_second", null).post("/whatsapp-api/messages/template", template(NUMBER, "order_shipped", "en", 2));
        api.as("waapi_second", null).post("/whatsapp-api/messages/template", template(NUMBER, "unknown", "en", 2));
        assertThat(sandbox.getSentMessages("Main")).hasSize(1);
        assertThat(sandbox.getSentMessages("Second")).singleElement()
                .satisfies(m -> assertThat(m.getTo()).isEqualTo("917890000198"));
        assertThat(sandbox.getRequests()).extracting(ApiRequest::apiKeyName, ApiRequest::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Main", 200),
                        org.assertj.core.groups.Tuple.tuple("Second", 200), org.assertj.core.groups.Tuple.tuple("Second", 400));
        sandbox.reset();
        assertThat(sandbox.getSentMessages()).isEmpty();
        assertThat(sandbox.getRequests()).isEmpty();
    }

    private static String template(String from, String name, String language, int parameters) {
        StringBuilder params = new StringBuilder();
        for (int i = 0; i < parameters; i++) {
            params.append(i > 0 ? "," : "").append("{\"type\": \"text\", \"text\": \"p").append(i).append("\"}");
        }
        return "{\"to\": \"917890000198\", \"fromPhoneNo\": \"" + from + "\", \"name\": \"" + name + "\", \"language\": \""
               + language + "\", \"components\": [{\"type\": \"body\", \"parameters\": [" + params + "]}]}";
    }

    private static String error(Answer answer) {
        assertThat(answer.status()).as(answer.response().body()).isEqualTo(400);
        assertThat(answer.json().get("success").asBoolean()).isFalse();
        return answer.json().get("error").asText();
    }

    private static int send(java.net.http.HttpRequest request) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
