package com.easycrm4u.camel.waapi.sandbox;

import java.io.IOException;
import java.util.List;

import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.webhook.WebhookSignature;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sandbox console's API as its page uses it, over HTTP on 127.0.0.1: the state after a route sent a template, and
 * each action arriving at the route's webhook as WAAPI would send it (signed, with the right payload).
 */
class ConsoleApiTest extends CamelTestSupport {

    private static final String CUSTOMER = "+917890000198";
    private static final String CUSTOMER_DIGITS = "917890000198";
    private static final String BUSINESS = WaapiSandbox.DEFAULT_PHONE_NUMBER;

    @RegisterExtension
    WaapiSandboxExtension waapi = new WaapiSandboxExtension().withConsole();

    private WebhookReceiver receiver;
    private ConsoleClient console;

    @BeforeEach
    void pointWebhooksAtAReceiver() throws IOException {
        receiver = new WebhookReceiver();
        waapi.getSandbox().setWebhookUrl(WaapiSandbox.DEFAULT_API_KEY_NAME, receiver.url());
        console = new ConsoleClient(waapi.getSandbox());
    }

    @AfterEach
    void closeReceiver() {
        receiver.close();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:shipped").to("waapi:cloud/template?templateName=order_shipped&language=en");
            }
        };
    }

    private String sendShippedTemplate() {
        return template.request("direct:shipped", e -> {
            e.getMessage().setBody(List.of("Sayantan", "AWB-12345"));
            e.getMessage().setHeader(WaapiConstants.TO, CUSTOMER);
        }).getMessage().getHeader(WaapiConstants.MESSAGE_ID, String.class);
    }

    @Test
    void aTemplateSentByARouteShowsRenderedWithItsParametersAndItsStatus() {
        String messageId = sendShippedTemplate();
        waapi.getSandbox().awaitStatus("read", messageId);

        JsonNode state = console.state();
        assertThat(state.get("version").asLong()).isPositive();
        JsonNode conversation = state.get("conversations").get(0);
        assertThat(conversation.get("customer").asText()).isEqualTo(CUSTOMER_DIGITS);
        assertThat(conversation.get("business").asText()).isEqualTo("917890000199");
        JsonNode message = conversation.get("messages").get(0);
        assertThat(message.get("id").asText()).isEqualTo(messageId);
        assertThat(message.get("direction").asText()).isEqualTo("out");
        assertThat(message.get("channel").asText()).isEqualTo("cloud");
        assertThat(message.get("kind").asText()).isEqualTo("template");
        assertThat(message.get("status").asText()).isEqualTo("read");
        assertThat(message.get("statuses")).extracting(JsonNode::asText).containsExactly("sent", "delivered", "read");
        assertThat(message.get("errorCode").isNull()).isTrue();
        JsonNode template = message.get("template");
        assertThat(template.get("name").asText()).isEqualTo("order_shipped");
        assertThat(template.get("known").asBoolean()).isTrue();
        assertThat(template.get("header").asText()).isEqualTo("Your order has shipped");
        assertThat(template.get("body").asText())
                .isEqualTo("Hi Sayantan, your order is on its way. Tracking number: AWB-12345.");
        assertThat(template.get("buttons").get(1).get("type").asText()).isEqualTo("quick_reply");
        assertThat(template.get("buttons").get(1).get("text").asText()).isEqualTo("Talk to us");
        assertThat(template.get("buttons").get(1).get("payload").asText()).isEqualTo("Talk to us");
        assertThat(template.get("parameters").get("body")).extracting(JsonNode::asText)
                .containsExactly("Sayantan", "AWB-12345");
        assertThat(message.get("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

        JsonNode key = state.get("apiKeys").get(0);
        assertThat(key.get("name").asText()).isEqualTo(WaapiSandbox.DEFAULT_API_KEY_NAME);
        assertThat(key.get("webhookUrl").asText()).isEqualTo(receiver.url());
        assertThat(key.get("phoneNumbers")).extracting(JsonNode::asText).containsExactly("917890000199");
        JsonNode delivery = state.get("deliveries").get(0);
        assertThat(delivery.get("subject").asText()).isEqualTo(messageId);
        assertThat(delivery.get("state").asText()).isEqualTo("delivered");
        assertThat(delivery.get("attempts").get(0).get("status").asInt()).isEqualTo(200);
        assertThat(delivery.get("attempts").get(0).has("durationMs")).isTrue();
        assertThat(state.get("quotas").get(0).get("usedLastMinute").asInt()).isEqualTo(1);
    }

    @Test
    void theStateShowsTheArmedFaultsOnly() {
        waapi.getSandbox().faults().failNext(2).serverErrorRate(0.25);
        JsonNode faults = console.state().get("faults");
        assertThat(faults).hasSize(2);
        assertThat(faults.get(0).get("fault").asText()).isEqualTo("serverErrorRate");
        assertThat(faults.get(0).get("value").asDouble()).isEqualTo(0.25);
        assertThat(faults.get(0).get("description").asText()).isEqualTo("25% of API requests answer 500");
        assertThat(faults.get(1).get("fault").asText()).isEqualTo("failNext");
        assertThat(faults.get(1).get("value").isIntegralNumber()).isTrue();
        assertThat(faults.get(1).get("value").asInt()).isEqualTo(2);

        long before = console.state().get("version").asLong();
        waapi.getSandbox().faults().clear();
        JsonNode after = console.state();
        assertThat(after.get("faults")).isEmpty();
        assertThat(after.get("version").asLong()).isEqualTo(before + 1);
    }

    @Test
    void theStateNeverShowsAKeyASecretOrAVerifyToken() {
        sendShippedTemplate();
        String state = console.get("/console/api/state").body();
        assertThat(state).doesNotContain(WaapiSandbox.DEFAULT_API_KEY, WaapiSandbox.DEFAULT_API_SECRET,
                WaapiSandbox.DEFAULT_WEBHOOK_VERIFY_TOKEN);
    }

    @Test
    void aReplyReachesTheWebhookAsASignedInboundTextFromTheCustomerAndOpensTheWindow() throws IOException {
        ConsoleClient.Answer answer = console.action("reply",
                "{'customer':'" + CUSTOMER + "','business':'" + BUSINESS + "','text':'Where is <b>my</b> order?'}");
        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().get("ok").asBoolean()).isTrue();
        String messageId = answer.json().get("messageId").asText();
        assertThat(answer.json().get("deliveries")).hasSize(1);

        JsonNode message = awaitWebhook(messageId).get("entry").get(0).get("changes").get(0).get("value")
                .get("messages").get(0);
        assertThat(message.get("from").asText()).isEqualTo(CUSTOMER_DIGITS);
        assertThat(message.get("type").asText()).isEqualTo("text");
        assertThat(message.get("text").get("body").asText()).isEqualTo("Where is <b>my</b> order?");

        JsonNode state = console.state();
        assertThat(state.get("serviceWindows").get(0).get("customer").asText()).isEqualTo(CUSTOMER_DIGITS);
        assertThat(state.get("serviceWindows").get(0).get("open").asBoolean()).isTrue();
        JsonNode shown = state.get("conversations").get(0).get("messages").get(0);
        assertThat(shown.get("direction").asText()).isEqualTo("in");
        assertThat(shown.get("text").asText()).isEqualTo("Where is <b>my</b> order?");
    }

    @Test
    void failWith131026DeliversAFailedStatusWithThatCodeAndTitle() throws IOException {
        String messageId = sendShippedTemplate();
        waapi.getSandbox().awaitStatus("read", messageId);

        ConsoleClient.Answer answer = console.action("fail", "{'messageId':'" + messageId + "','code':131026}");
        assertThat(answer.status()).isEqualTo(202);
        waapi.getSandbox().awaitStatus("failed", messageId);

        JsonNode status = awaitStatusWebhook(messageId, "failed");
        JsonNode error = status.get("errors").get(0);
        assertThat(error.get("code").asInt()).isEqualTo(131026);
        assertThat(error.get("title").asText()).isEqualTo("Message undeliverable");
        JsonNode shown = console.state().get("conversations").get(0).get("messages").get(0);
        assertThat(shown.get("status").asText()).isEqualTo("failed");
        assertThat(shown.get("errorCode").asInt()).isEqualTo(131026);
        assertThat(shown.get("errorTitle").asText()).isEqualTo("Message undeliverable");
    }

    @Test
    void failWithAnotherCodeCarriesMetasTitle() throws IOException {
        String messageId = sendShippedTemplate();
        assertThat(console.action("fail", "{'messageId':'" + messageId + "','code':'131049'}").status()).isEqualTo(202);
        waapi.getSandbox().awaitStatus("failed", messageId);
        JsonNode error = awaitStatusWebhook(messageId, "failed").get("errors").get(0);
        assertThat(error.get("code").asInt()).isEqualTo(131049);
        assertThat(error.get("title").asText()).isEqualTo("Meta chose not to deliver.");
    }

    @Test
    void anUnknownCodeOrAFailedMessageIsRefusedWithWhatToDo() {
        String messageId = sendShippedTemplate();
        ConsoleClient.Answer unknown = console.action("fail", "{'messageId':'" + messageId + "','code':999}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("error").asText()).contains("999", "131026", "title");

        assertThat(console.action("fail", "{'messageId':'" + messageId + "','code':999,'title':'Custom'}").status())
                .isEqualTo(202);
        waapi.getSandbox().awaitStatus("failed", messageId);
        ConsoleClient.Answer again = console.action("fail", "{'messageId':'" + messageId + "','code':131026}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("error").asText()).contains("failed already");
        assertThat(console.action("read", "{'messageId':'" + messageId + "'}").status()).isEqualTo(409);
        assertThat(console.action("read", "{'messageId':'wamid.nope'}").json().get("error").asText())
                .contains("wamid.nope");
    }

    @Test
    void pressingAQuickReplyButtonSendsItsPayloadInTheTemplatesContext() throws IOException {
        String messageId = new RawApi(waapi.getSandbox()).post("/whatsapp-api/messages/template", RawApi.json(
                "{'to':'" + CUSTOMER + "','fromPhoneNo':'" + BUSINESS + "','name':'order_shipped','language':'en',"
                                                                                                              + "'components':[{'type':'body','parameters':[{'type':'text','text':'Ana'},"
                                                                                                              + "{'type':'text','text':'AWB-1'}]},{'type':'button','sub_type':'quick_reply','index':'1',"
                                                                                                              + "'parameters':[{'type':'payload','payload':'TALK-AWB-1'}]}]}"))
                .json().get("data").get("messageId").asText();

        ConsoleClient.Answer answer = console.action("button", "{'messageId':'" + messageId + "','buttonIndex':1}");
        assertThat(answer.status()).isEqualTo(202);

        JsonNode message = awaitWebhook(answer.json().get("messageId").asText()).get("entry").get(0).get("changes")
                .get(0).get("value").get("messages").get(0);
        assertThat(message.get("type").asText()).isEqualTo("button");
        assertThat(message.get("from").asText()).isEqualTo(CUSTOMER_DIGITS);
        assertThat(message.get("button").get("payload").asText()).isEqualTo("TALK-AWB-1");
        assertThat(message.get("button").get("text").asText()).isEqualTo("Talk to us");
        assertThat(message.get("context").get("id").asText()).isEqualTo(messageId);
        assertThat(message.get("context").get("from").asText()).isEqualTo("917890000199");

        ConsoleClient.Answer noSuchButton = console.action("button", "{'messageId':'" + messageId + "','buttonIndex':5}");
        assertThat(noSuchButton.status()).isEqualTo(400);
        assertThat(noSuchButton.json().get("error").asText()).contains("2 buttons");
    }

    @Test
    void mediaAndLocationArriveAsMetasInboundMessages() throws IOException {
        ConsoleClient.Answer media = console.action("media", "{'customer':'" + CUSTOMER + "','business':'" + BUSINESS
                                                             + "','type':'document','caption':'The invoice',"
                                                             + "'link':'https://example.com/files/invoice-7.pdf'}");
        assertThat(media.status()).isEqualTo(202);
        JsonNode document = message(awaitWebhook(media.json().get("messageId").asText())).get("document");
        assertThat(document.get("caption").asText()).isEqualTo("The invoice");
        assertThat(document.get("filename").asText()).isEqualTo("invoice-7.pdf");
        assertThat(document.get("mime_type").asText()).isEqualTo("application/pdf");
        assertThat(document.get("id").asText()).isNotBlank();

        ConsoleClient.Answer location = console.action("location", "{'customer':'" + CUSTOMER
                                                                   + "','latitude':52.52,'longitude':'13.405','name':'Office',"
                                                                   + "'address':'Berlin'}");
        assertThat(location.status()).isEqualTo(202);
        JsonNode pin = message(awaitWebhook(location.json().get("messageId").asText())).get("location");
        assertThat(pin.get("latitude").asDouble()).isEqualTo(52.52);
        assertThat(pin.get("longitude").asDouble()).isEqualTo(13.405);
        assertThat(pin.get("name").asText()).isEqualTo("Office");

        JsonNode shown = console.state().get("conversations").get(0).get("messages");
        assertThat(shown.get(0).get("media").get("link").asText()).isEqualTo("https://example.com/files/invoice-7.pdf");
        assertThat(shown.get(1).get("kind").asText()).isEqualTo("location");

        ConsoleClient.Answer audioWithCaption = console.action("media",
                "{'customer':'" + CUSTOMER + "','type':'audio','caption':'hi'}");
        assertThat(audioWithCaption.status()).isEqualTo(400);
        assertThat(audioWithCaption.json().get("error").asText()).contains("caption");
    }

    @Test
    void theTestEventGoesToTheKeysWebhook() {
        ConsoleClient.Answer answer = console.action("test-event", "{'apiKey':'Sandbox'}");
        assertThat(answer.status()).isEqualTo(202);
        await().untilAsserted(() -> assertThat(receiver.received()).anySatisfy(
                r -> assertThat(r.header("X-WAAPI-Event")).isEqualTo("test")));
        assertThat(console.action("test-event", "{'apiKey':'Nobody'}").status()).isEqualTo(400);
    }

    @Test
    void badRequestsSayWhatIsWrong() {
        assertThat(console.action("reply", "{'business':'" + BUSINESS + "','text':'hi'}").json().get("error").asText())
                .isEqualTo("'customer' is required");
        assertThat(console.action("reply", "{'customer':'12','text':'hi'}").json().get("error").asText())
                .contains("E.164");
        assertThat(console.action("reply", "{'customer':'" + CUSTOMER + "','text':'hi','txet':'x'}").status())
                .isEqualTo(400);
        assertThat(console.action("reply", "[1]").json().get("error").asText()).contains("JSON object");
        assertThat(console.action("nope", "{}").status()).isEqualTo(404);
        assertThat(console.get("/console/api/reply").status()).isEqualTo(405);
    }

    private static JsonNode message(JsonNode envelope) {
        return envelope.get("entry").get(0).get("changes").get(0).get("value").get("messages").get(0);
    }

    /** The signed webhook about this subject (checked against the key's verify token), as JSON. */
    private JsonNode awaitWebhook(String subjectId) throws IOException {
        WebhookReceiver.Received received = await().until(() -> receiver.received().stream()
                .filter(r -> r.bodyText().contains(subjectId)).findFirst().orElse(null), r -> r != null);
        assertThat(WebhookSignature.verify(received.body(), received.header(WebhookSignature.HEADER),
                WaapiSandbox.DEFAULT_WEBHOOK_VERIFY_TOKEN)).isTrue();
        return ConsoleClient.JSON.readTree(received.body());
    }

    private JsonNode awaitStatusWebhook(String messageId, String status) throws IOException {
        WebhookReceiver.Received received = await().until(() -> receiver.received().stream()
                .filter(r -> r.bodyText().contains(messageId) && r.bodyText().contains("\"status\":\"" + status + "\""))
                .findFirst().orElse(null), r -> r != null);
        assertThat(WebhookSignature.verify(received.body(), received.header(WebhookSignature.HEADER),
                WaapiSandbox.DEFAULT_WEBHOOK_VERIFY_TOKEN)).isTrue();
        return ConsoleClient.JSON.readTree(received.body()).get("entry").get(0).get("changes").get(0).get("value")
                .get("statuses").get(0);
    }
}
