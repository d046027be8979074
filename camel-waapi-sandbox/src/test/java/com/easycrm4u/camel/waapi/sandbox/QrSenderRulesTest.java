package com.easycrm4u.camel.waapi.sandbox;

import com.easycrm4u.camel.waapi.sandbox.RawApi.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.easycrm4u.camel.waapi.sandbox.RawApi.json;
import static org.assertj.core.api.Assertions.assertThat;

/** A QR send goes out only from a session on a number the key is bound to, whichever way the session is named. */
class QrSenderRulesTest {

    private static final String TEXT = "/whatsapp-qr/messages/text";

    private final WaapiSandbox sandbox = WaapiSandbox.builder()
            .phoneNumber("+917890000199", null)
            .phoneNumber("+4915112345678", null)
            .phoneNumber("+15550001111", null)
            .apiKey(SandboxApiKey.builder("waapi_india").name("India").numbers("+917890000199").build())
            .qrSession("sess_in", "India", "+917890000199", true)
            .qrSession("sess_de", "Germany", "+4915112345678", true)
            .build().start();
    private final RawApi api = new RawApi(sandbox).as("waapi_india", null);

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aSessionOnAnotherNumberIsForbiddenByIdOrByNumber() {
        assertForbidden(api.post(TEXT, json("{'to': '917890000198', 'sessionId': 'sess_de', 'body': 'Hi'}")), "4915112345678");
        assertForbidden(api.post(TEXT, json("{'to': '917890000198', 'fromPhoneNo': '+4915112345678', 'body': 'Hi'}")),
                "4915112345678");
        assertThat(sandbox.getSentMessages()).isEmpty();
    }

    @Test
    void anUnboundNumberIsForbiddenBeforeItsMissingSessionIsLookedFor() {
        assertForbidden(api.post(TEXT, json("{'to': '917890000198', 'fromPhoneNo': '+15550001111', 'body': 'Hi'}")),
                "15550001111");
    }

    @Test
    void theKeysOwnSessionSends() {
        Answer answer = api.post(TEXT, json("{'to': '917890000198', 'fromPhoneNo': '+917890000199', 'body': 'Hi'}"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().at("/data/sessionId").asText()).isEqualTo("sess_in");
        assertThat(answer.json().at("/data/messageId").asText()).as("a linked device's message id").matches("BAE5[0-9A-F]{12}");
        assertThat(api.get("/whatsapp-qr/sessions").json().at("/data").findValuesAsText("sessionId"))
                .as("the sessions on the key's numbers").containsExactly("sess_in");
    }

    @Test
    void aLocationNeedsBothCoordinatesWithinTheirRanges() {
        Answer answer = api.post("/whatsapp-qr/messages/location",
                json("{'to': '917890000198', 'sessionId': 'sess_in', 'latitude': 22.57, 'longitude': 180.5}"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asText()).isEqualTo("'longitude' must be between -180 and 180");
        assertThat(api.post("/whatsapp-qr/messages/location",
                json("{'to': '917890000198', 'sessionId': 'sess_in', 'latitude': -90, 'longitude': -180}")).status())
                .isEqualTo(200);
    }

    private static void assertForbidden(Answer answer, String digits) {
        assertThat(answer.status()).as(answer.response().body()).isEqualTo(403);
        assertThat(answer.json().get("error").asText())
                .isEqualTo("fromPhoneNo +" + digits + " is not one of the WhatsApp numbers this API key is bound to");
    }
}
