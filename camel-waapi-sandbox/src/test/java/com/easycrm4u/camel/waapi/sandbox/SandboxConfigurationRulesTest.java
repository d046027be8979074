package com.easycrm4u.camel.waapi.sandbox;

import java.net.URI;
import java.time.Duration;

import com.easycrm4u.camel.waapi.model.QrSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a test may configure, what it is refused, and what the configuration objects say about themselves. */
class SandboxConfigurationRulesTest {

    @Test
    void theBuilderRefusesValuesOutsideTheirRange() {
        WaapiSandboxBuilder builder = WaapiSandbox.builder();
        assertThat(builder.port(0).port(65535).port).isEqualTo(65535);
        for (int port : new int[] { -1, 65536 }) {
            assertThatThrownBy(() -> builder.port(port)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("not a port: " + port);
        }
        assertThat(builder.missingTemplateStatus(404).missingTemplateStatus).isEqualTo(404);
        assertThat(builder.missingTemplateStatus(400).missingTemplateStatus).isEqualTo(400);
        assertThatThrownBy(() -> builder.missingTemplateStatus(422)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the reference gives a missing template 400 or 404, not 422");
        assertThat(builder.webhookRetries(1, Duration.ZERO, Duration.ZERO).webhookMaxAttempts).isEqualTo(1);
        assertThatThrownBy(() -> builder.webhookRetries(0, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxAttempts must be at least 1");
        assertThatThrownBy(() -> builder.webhookRetries(2, null, Duration.ZERO)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theFirstNumberGivenReplacesTheDefaultAndLaterOnesAddToIt() {
        try (WaapiSandbox sandbox = WaapiSandbox.builder().phoneNumber("+4915112345678", "2000000000000001")
                .phoneNumber("+15550001111", null).build()) {
            assertThat(sandbox.getPhoneNumbers()).containsExactly("4915112345678", "15550001111");
            assertThat(sandbox.getQrSessions()).singleElement()
                    .satisfies(s -> assertThat(s.getPhoneNumber()).isEqualTo("4915112345678"));
        }
    }

    @Test
    void aNumberWithoutAnIdGetsAStableMetaLikeOne() {
        SendingNumbers numbers = new SendingNumbers();
        numbers.add("+15550001111", null);
        numbers.add("+4915112345678", "2000000000000001");

        assertThat(numbers.phoneNumberId("15550001111")).as("16 digits like Meta's").isEqualTo("1000015550001111");
        numbers.add("+15550001111", null);
        assertThat(numbers.phoneNumberId("15550001111")).as("kept").isEqualTo("1000015550001111");
        numbers.add("+4915112345678", null);
        assertThat(numbers.phoneNumberId("4915112345678")).as("kept").isEqualTo("2000000000000001");
        numbers.add("+4915112345678", "3000000000000001");
        assertThat(numbers.phoneNumberId("4915112345678")).as("replaced").isEqualTo("3000000000000001");
        assertThat(numbers.all()).containsExactly("15550001111", "4915112345678");
        assertThatThrownBy(() -> numbers.add("555", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an E.164 phone number: 555");
    }

    @Test
    void aKeySendsFromItsFirstBoundNumberOrTheVendorsFirst() {
        SendingNumbers numbers = new SendingNumbers();
        numbers.add("+917890000199", null);
        numbers.add("+4915112345678", null);
        SandboxApiKey all = SandboxApiKey.builder("waapi_all").build();
        SandboxApiKey german = SandboxApiKey.builder("waapi_de").numbers("+4915112345678", "+917890000199").build();

        assertThat(numbers.first(all)).isEqualTo("917890000199");
        assertThat(numbers.first(german)).isEqualTo("4915112345678");
        assertThat(numbers.isBound(all, "15550001111")).as("not a number of the vendor").isFalse();
        assertThat(numbers.isBound(german, "4915112345678")).isTrue();
        assertThat(german.isBoundToAllNumbers()).isFalse();
        assertThatThrownBy(() -> SandboxApiKey.builder("waapi_x").numbers("call me"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not an E.164 phone number: call me");
    }

    @Test
    void anApiKeyNeedsAKeyAServiceAndATokenForItsWebhook() {
        assertThatThrownBy(() -> SandboxApiKey.builder(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an API key needs a non-blank key");
        assertThatThrownBy(() -> SandboxApiKey.builder(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxApiKey.builder("waapi_none").services().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("API key 'waapi_none' needs at least one service");
        assertThatThrownBy(() -> SandboxApiKey.builder("waapi_hook").webhook("http://127.0.0.1:1/h", null).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a webhook URL needs a verify token to sign the deliveries");
        assertThatThrownBy(() -> SandboxApiKey.builder("waapi_q").quotaPerMinute(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("quotaPerMinute must not be negative");
        assertThatThrownBy(() -> SandboxApiKey.builder("waapi_q").quotaPerHour(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("quotaPerHour must not be negative");
        assertThatThrownBy(() -> SandboxApiKey.builder("waapi_s").scope(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void anApiKeyShowsWhatItWasBuiltWith() {
        SandboxApiKey key = SandboxApiKey.builder("waapi_crm").secret("secr_crm")
                .scope(SandboxApiKey.Scope.READ).permissions(SandboxApiKey.MESSAGES_READ)
                .services(SandboxApiKey.Service.QR).quotaPerMinute(0).quotaPerHour(10)
                .webhook("http://127.0.0.1:8080/waapi/webhook", "token").events("messages", "qr_session").build();

        assertThat(key.getName()).as("the key when no name is given").isEqualTo("waapi_crm");
        assertThat(key.getKey()).isEqualTo("waapi_crm");
        assertThat(key.getSecret()).isEqualTo("secr_crm");
        assertThat(key.getScope().value()).isEqualTo("read");
        assertThat(key.getPermissions()).containsExactly(SandboxApiKey.MESSAGES_READ);
        assertThat(key.getServices()).containsExactly(SandboxApiKey.Service.QR);
        assertThat(key.getQuotaPerMinute()).isZero();
        assertThat(key.getQuotaPerHour()).isEqualTo(10);
        assertThat(key.getWebhookUrl()).isEqualTo("http://127.0.0.1:8080/waapi/webhook");
        assertThat(key.getWebhookVerifyToken()).isEqualTo("token");
        assertThat(key.getEvents()).containsExactly("messages", "qr_session");
        assertThat(key.receives("qr_session")).isTrue();
        assertThat(key.receives("test")).isFalse();
        assertThat(SandboxApiKey.builder("waapi_all").build().receives("anything")).isTrue();
        assertThat(SandboxApiKey.builder("waapi_ev").events("test").events("messages").build().getEvents())
                .as("replaced").containsExactly("messages");
        assertThat(key.hasKey("waapi_crm")).isTrue();
        assertThat(key.hasKey("waapi_crm2")).isFalse();
        assertThat(key.hasKey(null)).isFalse();
        assertThat(key.hasSecret("secr_crm")).isTrue();
        assertThat(key.hasSecret("secr_other")).isFalse();
        assertThat(SandboxApiKey.builder("waapi_open").build().hasSecret("anything")).isFalse();
        assertThat(key).hasToString("SandboxApiKey[name=waapi_crm, scope=read, permissions=[messages.read], "
                                    + "services=[QR]]");
        assertThat(SandboxApiKey.Service.CLOUD_API.displayName()).isEqualTo("WhatsApp Cloud API");
    }

    @Test
    void theNumbersAKeyIsBoundToBecomeNumbersOfTheSandbox() {
        SendingNumbers numbers = new SendingNumbers();
        numbers.add("+917890000199", "1226212787235581");
        new ApiKeys(numbers).add(SandboxApiKey.builder("waapi_us").numbers("+15550001111", "+917890000199").build());

        assertThat(numbers.all()).containsExactly("917890000199", "15550001111");
        assertThat(numbers.phoneNumberId("917890000199")).isEqualTo("1226212787235581");
    }

    @Test
    void keysAreUniqueByNameAndTheirWebhookUrlsAbsolute() {
        ApiKeys keys = new ApiKeys(new SendingNumbers());
        keys.add(SandboxApiKey.builder("waapi_a").name("A").webhook("http://127.0.0.1:1/a", "t").build());
        assertThat(keys.webhookUrl("A")).isEqualTo("http://127.0.0.1:1/a");

        assertThatThrownBy(() -> keys.add(SandboxApiKey.builder("waapi_b").name("A").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("another API key is already named 'A'");
        // the same key again replaces it, and its URL with it
        keys.add(SandboxApiKey.builder("waapi_a").name("A").webhookVerifyToken("t").build());
        assertThat(keys.size()).isEqualTo(1);
        assertThat(keys.webhookUrl("A")).isNull();

        assertThatThrownBy(() -> keys.setWebhookUrl("A", "/relative/path")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an absolute http(s) URL: /relative/path");
        assertThatThrownBy(() -> keys.setWebhookUrl("B", "http://127.0.0.1:1/b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no API key named 'B'; the keys are [A]");
        keys.add(SandboxApiKey.builder("waapi_c").name("C").build());
        assertThatThrownBy(() -> keys.setWebhookUrl("C", "http://127.0.0.1:1/c")).isInstanceOf(IllegalStateException.class)
                .hasMessage("API key 'C' has no webhook verify token to sign deliveries with");
        assertThat(keys.find("waapi_c").getName()).isEqualTo("C");
        assertThat(keys.find("waapi_d")).isNull();
        assertThat(keys.primary().getName()).isEqualTo("A");
    }

    @Test
    void templatesAreEqualByEveryPropertyAndSayWhatTheyTake() {
        SandboxTemplate template = SandboxTemplate.of("order_shipped", "en");
        assertThat(template.getCategory()).isEqualTo("utility");
        assertThat(template.getBodyParameters()).isEqualTo(-1);
        assertThat(template).hasToString("SandboxTemplate[order_shipped/en, utility]");
        SandboxTemplate two = template.withBodyParameters(2).withCategory("MARKETING");
        assertThat(two).hasToString("SandboxTemplate[order_shipped/en, marketing, 2 body parameters]");
        assertThat(template.withBodyParameters(0)).hasToString("SandboxTemplate[order_shipped/en, utility, 0 body parameters]");

        assertThat(two).isEqualTo(SandboxTemplate.of("order_shipped", "en").withCategory("marketing").withBodyParameters(2))
                .hasSameHashCodeAs(SandboxTemplate.of("order_shipped", "en").withCategory("marketing").withBodyParameters(2));
        assertThat(two).isNotEqualTo(two.withBodyParameters(3)).isNotEqualTo(two.withCategory("utility"))
                .isNotEqualTo(SandboxTemplate.of("order_shipped", "de").withCategory("marketing").withBodyParameters(2))
                .isNotEqualTo(SandboxTemplate.of("order_paid", "en").withCategory("marketing").withBodyParameters(2))
                .isNotEqualTo("order_shipped");
        assertThatThrownBy(() -> template.withBodyParameters(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count must not be negative");
        assertThatThrownBy(() -> SandboxTemplate.of(" ", "en")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a template needs a name");
        assertThatThrownBy(() -> SandboxTemplate.of("x", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a template needs a language");
    }

    @Test
    void aReviewKeepsAKnownTemplateAndItsIdAndApprovesOrWithdrawsIt() {
        Templates templates = new Templates();
        templates.approve(SandboxTemplate.of("order_shipped", "en").withCategory("marketing"));

        Templates.Review paused = templates.review("order_shipped", "en", "PAUSED");
        assertThat(templates.find("order_shipped", "en")).isNull();
        Templates.Review approved = templates.review("order_shipped", "en", "APPROVED");
        assertThat(approved.templateId()).isEqualTo(paused.templateId());
        assertThat(approved.template().getCategory()).as("known before").isEqualTo("marketing");
        assertThat(templates.find("order_shipped", "en")).isEqualTo(approved.template());

        Templates.Review fresh = templates.review("welcome", "de", "APPROVED");
        assertThat(fresh.template()).isEqualTo(SandboxTemplate.of("welcome", "de"));
        assertThat(fresh.templateId()).isNotEqualTo(paused.templateId());
    }

    @Test
    void aCallbackKnowsItsPortEvenWhenTheUrlLeavesItOut() {
        assertThat(new WebhookCallback("Sandbox", URI.create("http://127.0.0.1:8089/hooks")).port()).isEqualTo(8089);
        assertThat(new WebhookCallback("Sandbox", URI.create("http://hooks.test/w")).port()).isEqualTo(80);
        assertThat(new WebhookCallback("Sandbox", URI.create("https://hooks.test/w")).port()).isEqualTo(443);
        WebhookCallback callback = new WebhookCallback("Sandbox", URI.create("https://hooks.test/w"));
        assertThat(callback.host()).isEqualTo("hooks.test");
        assertThat(callback.path()).isEqualTo("/w");
        assertThat(callback).hasToString("https://hooks.test/w");
        assertThat(callback.camelServerProperties()).containsExactly(
                java.util.Map.entry("camel.server.enabled", "true"), java.util.Map.entry("camel.server.host", "hooks.test"),
                java.util.Map.entry("camel.server.port", "443"));
        assertThatThrownBy(() -> new WebhookCallback(null, URI.create("http://127.0.0.1:1/")))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void aCustomerIsNamedByTheContactOrByTheEndOfTheirNumber() {
        Contacts contacts = new Contacts(new ObjectMapper());
        assertThat(contacts.profileName("917890000198")).isEqualTo("Customer 0198");
        assertThat(contacts.profileName("123")).isEqualTo("Customer 123");

        contacts.upsert("917890000198", null, new ObjectMapper().createObjectNode().put("first_name", "Sayantan"));
        assertThat(contacts.profileName("917890000198")).isEqualTo("Sayantan");
        contacts.upsert("917890000198", null, new ObjectMapper().createObjectNode().put("profile_name", "Sayan K."));
        assertThat(contacts.profileName("917890000198")).isEqualTo("Sayan K.");
    }

    @Test
    void aQrSessionIsChosenByIdOnItsNumberOrByNumber() {
        QrSessions sessions = new QrSessions();
        sessions.add("sess_a", "A", "+917890000199", true);
        sessions.add("sess_b", "B", "+4915112345678", true);
        sessions.add("sess_c", "C", "+4915112345678", false);

        assertThat(sessions.findConnected("sess_b", null).getSessionName()).isEqualTo("B");
        assertThat(sessions.findConnected("sess_b", "4915112345678").getSessionName()).isEqualTo("B");
        assertThat(sessions.findConnected("sess_b", "917890000199")).as("not on that number").isNull();
        assertThat(sessions.findConnected(null, "917890000199").getSessionId()).isEqualTo("sess_a");
        assertThat(sessions.findConnected("sess_c", null)).as("disconnected").isNull();
        assertThat(sessions.setConnected("sess_a", true)).as("no change").isNull();
        QrSession changed = sessions.setConnected("sess_a", false);
        assertThat(changed.getStatus()).isEqualTo("disconnected");
        changed.setStatus("connected");
        assertThat(sessions.all().get(0).getStatus()).as("a copy").isEqualTo("disconnected");
        assertThat(sessions.connected()).extracting(QrSession::getSessionId).containsExactly("sess_b");
        assertThatThrownBy(() -> sessions.setConnected("sess_x", true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no QR session 'sess_x'; the sessions are [sess_a, sess_b, sess_c]");
        assertThatThrownBy(() -> sessions.add("sess_d", "D", "nope", true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an E.164 phone number: nope");
    }
}
