package com.easycrm4u.camel.waapi.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Injected customer messages: what they look like when optional parts are left out, and who may inject them. */
class CustomerMessagesEdgesTest {

    private static final String CUSTOMER = "+917890000198";
    private static final String NUMBER = WaapiSandbox.DEFAULT_PHONE_NUMBER;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-17T12:00:00Z"));
    private final WaapiSandbox sandbox = WaapiSandbox.builder().clock(clock).build().start();
    private final RawApi api = new RawApi(sandbox);

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aMessageHasMetasFieldsInMetasOrder() {
        CustomerMessage text = sandbox.injectText(CUSTOMER, NUMBER, "Hi");

        assertThat(fieldNames(text.message())).containsExactly("from", "id", "timestamp", "text", "type");
        assertThat(text.message().get("timestamp").asText()).isEqualTo("1781697600");
        assertThat(text.messageId()).startsWith("wamid.HBgM").isEqualTo(text.message().get("id").asText());
        assertThat(text.from()).isEqualTo("917890000198");
        assertThat(text.to()).isEqualTo("917890000199");
        assertThat(text.timestamp()).isEqualTo(clock.instant());
    }

    @Test
    void anImageWithoutCaptionOrTypeIsAJpegWithoutCaption() {
        JsonNode image = sandbox.injectImage(CUSTOMER, NUMBER, null, null).message().get("image");

        assertThat(fieldNames(image)).containsExactly("mime_type", "sha256", "id");
        assertThat(image.get("mime_type").asText()).isEqualTo("image/jpeg");
        assertThat(image.get("id").asText()).matches("[1-9]\\d{15}");
        assertThat(image.get("sha256").asText()).hasSize(44).endsWith("=");

        JsonNode png = sandbox.injectImage(CUSTOMER, NUMBER, "Colour?", "image/png").message().get("image");
        assertThat(png.get("caption").asText()).isEqualTo("Colour?");
        assertThat(png.get("mime_type").asText()).isEqualTo("image/png");
    }

    @Test
    void aListReplyWithoutDescriptionHasNone() {
        JsonNode reply = sandbox.injectListReply(CUSTOMER, NUMBER, "row-1", "Delivery", null).message()
                .at("/interactive/list_reply");

        assertThat(fieldNames(reply)).containsExactly("id", "title");
        JsonNode button = sandbox.injectButtonReply(CUSTOMER, NUMBER, "yes", "Yes").message().get("interactive");
        assertThat(button.get("type").asText()).isEqualTo("button_reply");
        assertThat(button.at("/button_reply/id").asText()).isEqualTo("yes");
    }

    @Test
    void onlyAnE164CustomerWritesOnlyToANumberOfTheSandbox() {
        assertThatThrownBy(() -> sandbox.injectText(CUSTOMER, "+4915112345678", "Hallo"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("+4915112345678 is not a number of this sandbox; numbers are [917890000199]");
        assertThatThrownBy(() -> sandbox.injectText("customer", NUMBER, "Hi")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an E.164 phone number: customer");
        assertThat(sandbox.getInboundMessages()).isEmpty();
    }

    @Test
    void theWindowClosesExactly24HoursAfterTheCustomerWrote() {
        sandbox.injectText(CUSTOMER, NUMBER, "Hi");
        String text = RawApi.json("{'to': '917890000198', 'fromPhoneNo': '+917890000199', 'body': 'Hello'}");

        clock.advance(Duration.ofHours(24).minusMillis(1));
        assertThat(api.post("/whatsapp-api/messages/text", text).status()).isEqualTo(200);
        clock.advance(Duration.ofMillis(1));
        assertThat(api.post("/whatsapp-api/messages/text", text).status()).isEqualTo(400);
    }

    @Test
    void aTestEventNeedsAWebhookUrl() {
        assertThatThrownBy(() -> sandbox.sendTestEvent(WaapiSandbox.DEFAULT_API_KEY_NAME))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("API key 'Sandbox' has no webhook URL; set one with deliverWebhooksTo(...) or setWebhookUrl(...)");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
