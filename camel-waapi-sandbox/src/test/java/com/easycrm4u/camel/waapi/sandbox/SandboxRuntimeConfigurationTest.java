package com.easycrm4u.camel.waapi.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;

import com.easycrm4u.camel.waapi.model.Contact;
import com.easycrm4u.camel.waapi.sandbox.RawApi.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a test changes on a running sandbox, through the chained calls that docs/sandbox.md lists. */
class SandboxRuntimeConfigurationTest {

    private static final String CUSTOMER = "+917890000198";
    private static final String SECOND_NUMBER = "+4915112345678";

    private final WaapiSandbox sandbox
            = WaapiSandbox.builder().vendorId("vendor_runtime").statusInterval(Duration.ofMillis(10)).build();
    private final RawApi api = new RawApi(sandbox);

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aSandboxSaysWhetherItServesAndWhere() throws IOException {
        assertThat(sandbox.isStarted()).isFalse();
        assertThat(sandbox).hasToString("WaapiSandbox[not started, 1 keys, 0 messages sent]");

        assertThat(sandbox.start()).isSameAs(sandbox);
        assertThat(sandbox.isStarted()).isTrue();
        assertThat(sandbox).hasToString("WaapiSandbox[" + sandbox.getBaseUrl() + ", 1 keys, 0 messages sent]");
        assertThat(sandbox.getVendorId()).isEqualTo("vendor_runtime");
        assertThat(api.get("/ping").json().get("vendorId").asText()).isEqualTo("vendor_runtime");

        String baseUrl = sandbox.getBaseUrl();
        int port = sandbox.getPort();
        sandbox.close();
        assertThat(sandbox.isStarted()).isFalse();
        try (ServerSocket next = new ServerSocket()) {
            next.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            assertThat(next.getLocalPort()).as("the port is free again").isEqualTo(port);
        }
        assertThatThrownBy(() -> java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl + "/ping")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()))
                .as("no longer listening").isInstanceOf(IOException.class);
    }

    @Test
    void aTrailingSlashNamesTheSameEndpoint() {
        sandbox.start();
        assertThat(api.get("/ping/").json().get("apiKeyName").asText()).isEqualTo(WaapiSandbox.DEFAULT_API_KEY_NAME);
        assertThat(api.get("/").status()).isEqualTo(404);
        assertThat(api.get("").status()).isEqualTo(404);
    }

    @Test
    void anEmptyOrBlankBodyIsAnEmptyObject() {
        sandbox.start();
        for (String body : new String[] { "", "  \n " }) {
            Answer answer = api.post("/contacts", body);
            assertThat(answer.status()).as("'%s'", body).isEqualTo(400);
            assertThat(answer.json().get("error").asText()).isEqualTo("'phoneNumber' is required");
        }
    }

    @Test
    void theBuildersIdsReachTheAnswersAndTheWebhooks() throws IOException {
        try (WebhookReceiver receiver = new WebhookReceiver();
             WaapiSandbox built = WaapiSandbox.builder().vendorId("vendor_2").wabaId("waba_2")
                     .webhookTimeout(Duration.ofSeconds(2)).faultSeed(7).build().start()) {
            built.setWebhookUrl(WaapiSandbox.DEFAULT_API_KEY_NAME, receiver.url());
            built.injectText(CUSTOMER, WaapiSandbox.DEFAULT_PHONE_NUMBER, "Hi");

            assertThat(new RawApi(built).get("/ping").json().get("vendorId").asText()).isEqualTo("vendor_2");
            org.awaitility.Awaitility.await().until(() -> receiver.received().size() == 1);
            assertThat(RawApi.JSON.readTree(receiver.received().get(0).body()).at("/entry/0/id").asText())
                    .isEqualTo("waba_2");
        }
    }

    @Test
    void runtimeChangesChainAndTakeEffect() {
        sandbox.start();
        WaapiSandbox chained = sandbox.addPhoneNumber(SECOND_NUMBER, "2000000000000001")
                .addPhoneNumber("+15550001111", null)
                .addApiKey(SandboxApiKey.builder("waapi_second").name("Second").numbers(SECOND_NUMBER)
                        .webhookVerifyToken("token_second").build())
                .setWebhookUrl("Second", "http://127.0.0.1:9/unused")
                .setWebhookUrl("Second", null)
                .addTemplate(SandboxTemplate.of("welcome", "de").withCategory("marketing"))
                .removeTemplate("hello_world", "en_US")
                .changeTemplateStatus("order_shipped", "en", "APPROVED", null)
                .addQrSession("sess_second", "Second", SECOND_NUMBER, false)
                .setQrSessionConnected("sess_second", true)
                .addRecipientWithoutWhatsApp("+917890000111")
                .addRecipientWithoutWhatsApp("+917890000112", WithoutWhatsApp.SEND_ERROR)
                .putMediaFile("https://cdn.example.com/big.png", "image/png", 6L * 1024 * 1024)
                .openServiceWindow(CUSTOMER, WaapiSandbox.DEFAULT_PHONE_NUMBER);

        assertThat(chained).isSameAs(sandbox);
        assertThat(sandbox).hasToString("WaapiSandbox[" + sandbox.getBaseUrl() + ", 2 keys, 0 messages sent]");
        assertThat(sandbox.getApiKeys()).extracting(SandboxApiKey::getName).containsExactly("Sandbox", "Second");
        assertThat(sandbox.getWebhookUrl("Second")).isNull();
        assertThat(sandbox.getPhoneNumbers()).containsExactly("917890000199", "4915112345678", "15550001111");
        assertThat(sandbox.getTemplates()).extracting(SandboxTemplate::getName, SandboxTemplate::getCategory)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("order_shipped", "utility"),
                        org.assertj.core.groups.Tuple.tuple("welcome", "marketing"));
        assertThat(sandbox.getQrSessions()).extracting(s -> s.getSessionId() + "=" + s.getStatus())
                .containsExactly("sess_abc=connected", "sess_second=connected");

        // the new number sends, the new template is approved, the withdrawn one is not
        assertThat(api.post("/whatsapp-api/messages/template", template(SECOND_NUMBER, "welcome", "de")).status())
                .isEqualTo(200);
        assertThat(api.post("/whatsapp-api/messages/template",
                template(WaapiSandbox.DEFAULT_PHONE_NUMBER, "hello_world", "en_US")).status()).isEqualTo(400);
        // the window opened at runtime allows a text
        assertThat(api.post("/whatsapp-api/messages/text", "{\"to\": \"917890000198\", \"fromPhoneNo\": \""
                                                           + WaapiSandbox.DEFAULT_PHONE_NUMBER + "\", \"body\": \"Hi\"}")
                .status()).isEqualTo(200);
        // the declared file is too large for an image
        assertThat(api.post("/whatsapp-api/messages/image",
                "{\"to\": \"917890000198\", \"fromPhoneNo\": \"" + WaapiSandbox.DEFAULT_PHONE_NUMBER
                                                            + "\", \"link\": \"https://cdn.example.com/big.png\"}")
                .json().get("error").asText()).endsWith("this one has 6291456 bytes");
        // the recipients without WhatsApp: refused at once, or accepted and then failed
        Answer refused = api.post("/whatsapp-api/messages/template",
                template(WaapiSandbox.DEFAULT_PHONE_NUMBER, "order_shipped", "en", "917890000112"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").asText()).startsWith("(#131026)");
        Answer accepted = api.post("/whatsapp-api/messages/template",
                template(WaapiSandbox.DEFAULT_PHONE_NUMBER, "order_shipped", "en", "917890000111"));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(sandbox.awaitStatus("failed", accepted.json().at("/data/messageId").asText())).singleElement()
                .satisfies(m -> assertThat(m.getStatuses()).containsExactly("sent", "failed"));
        assertThat(sandbox).hasToString("WaapiSandbox[" + sandbox.getBaseUrl() + ", 2 keys, 3 messages sent]");
    }

    @Test
    void putContactSetsOnlyTheNamesGiven() {
        Contact created = sandbox.putContact(CUSTOMER, "Sayantan", "Kar");
        assertThat(created.getFirstName()).isEqualTo("Sayantan");
        assertThat(created.getLastName()).isEqualTo("Kar");
        assertThat(created.getPhoneNumber()).isEqualTo("917890000198");

        Contact renamed = sandbox.putContact(CUSTOMER, "Sayan", null);
        assertThat(renamed.getFirstName()).isEqualTo("Sayan");
        assertThat(renamed.getLastName()).as("a null name leaves the stored one").isEqualTo("Kar");

        Contact lastNameOnly = sandbox.putContact("+917890000197", null, "Roy");
        assertThat(lastNameOnly.getFirstName()).isNull();
        assertThat(lastNameOnly.getLastName()).isEqualTo("Roy");
        assertThat(sandbox.getContact("7890000197").getLastName()).isEqualTo("Roy");
    }

    @Test
    void webhooksGoToAPortInTheTcpRange() {
        sandbox.start();
        assertThat(sandbox.deliverWebhooksTo(1, "/hooks").port()).isEqualTo(1);
        assertThat(sandbox.deliverWebhooksTo(65535, null).url()).hasToString("http://127.0.0.1:65535/waapi/webhook");
        for (int port : new int[] { 0, -1, 65536 }) {
            assertThatThrownBy(() -> sandbox.deliverWebhooksTo(port, "/hooks"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("not a port: " + port);
        }
        assertThat(sandbox.getWebhookUrl(WaapiSandbox.DEFAULT_API_KEY_NAME))
                .isEqualTo("http://127.0.0.1:65535/waapi/webhook");
    }

    @Test
    void aFreeLoopbackPortCanBeBound() throws IOException {
        int port = WaapiSandbox.freeLoopbackPort();

        assertThat(port).isBetween(SandboxServer.FIRST_PICKED_PORT, SandboxServer.LAST_PICKED_PORT);
        try (ServerSocket receiver = new ServerSocket()) {
            receiver.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        }
    }

    private static String template(String from, String name, String language) {
        return template(from, name, language, "917890000198");
    }

    private static String template(String from, String name, String language, String to) {
        return "{\"to\": \"" + to + "\", \"fromPhoneNo\": \"" + from + "\", \"name\": \"" + name + "\", \"language\": \""
               + language + "\"}";
    }
}
