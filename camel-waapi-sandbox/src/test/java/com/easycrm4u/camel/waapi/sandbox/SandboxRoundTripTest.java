package com.easycrm4u.camel.waapi.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.model.SendResult;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole loop on Camel Main: a template sent to the sandbox, its signed statuses received by {@code waapi:webhook}
 * (which verifies them with the token the sandbox wired in), and a customer's STATUS question answered in the window it
 * opened.
 */
class SandboxRoundTripTest {

    private static final String CUSTOMER = "+917890000198";

    private WaapiSandbox sandbox;
    private Main main;

    @BeforeEach
    void start() {
        int port = AvailablePortFinder.getNextAvailable();
        sandbox = WaapiSandbox.builder().statusInterval(Duration.ofMillis(10)).build().start();
        sandbox.setWebhookUrl("Sandbox", "http://127.0.0.1:" + port + "/waapi/webhook");
        main = new Main();
        main.configure().httpServer().withEnabled(true).withHost("127.0.0.1").withPort(port);
        main.configure().addConfiguration(sandbox.camelConfiguration());
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:shipped").to("waapi:cloud/template?templateName=order_shipped&language=en");
                from("waapi:webhook").routeId("webhook")
                        .to("mock:events")
                        .filter(simple("${header.CamelWaapiEventKind} == 'message' && ${body.message.text?.body} == 'STATUS'"))
                        .setHeader(WaapiConstants.TO, header(WaapiConstants.FROM))
                        .setBody(constant("Your order AWB-12345 is out for delivery"))
                        .to("waapi:cloud/text");
            }
        });
        main.start();
    }

    @AfterEach
    void stop() {
        main.stop();
        sandbox.close();
    }

    @Test
    void statusesComeBackAndTheCustomerGetsAnAnswer() {
        SendResult sent = main.getCamelContext().createProducerTemplate().requestBodyAndHeader("direct:shipped",
                List.of("Sayantan", "AWB-12345"), WaapiConstants.TO, CUSTOMER, SendResult.class);

        MockEndpoint events = main.getCamelContext().getEndpoint("mock:events", MockEndpoint.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> events.getReceivedCounter() == 3);
        assertThat(events.getReceivedExchanges()).extracting(e -> e.getMessage().getHeader(WaapiConstants.STATUS))
                .containsExactly("sent", "delivered", "read");
        assertThat(events.getReceivedExchanges()).extracting(e -> e.getMessage().getHeader(WaapiConstants.MESSAGE_ID))
                .containsOnly(sent.getMessageId());
        assertThat(events.getReceivedExchanges()).extracting(e -> e.getMessage().getHeader(WaapiConstants.DELIVERY_ID))
                .doesNotHaveDuplicates();

        sandbox.injectText(CUSTOMER, WaapiSandbox.DEFAULT_PHONE_NUMBER, "STATUS");

        await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.getSentMessages().size() == 2);
        SentMessage reply = sandbox.getSentMessages().get(1);
        assertThat(reply.getType()).isEqualTo("text");
        assertThat(reply.getTo()).isEqualTo("917890000198");
        assertThat(reply.getRequest().get("body").asText()).isEqualTo("Your order AWB-12345 is out for delivery");
        await().until(() -> sandbox.getDeliveries().stream()
                .noneMatch(d -> d.getState() == WebhookDelivery.State.PENDING));
        // the consumer acknowledged everything once (no refused signature, no retry)
        assertThat(sandbox.getDeliveries()).allSatisfy(d -> assertThat(d.getStatusCodes()).containsExactly(200));
        Exchange question = events.getReceivedExchanges().get(3);
        assertThat(question.getMessage().getHeader(WaapiConstants.FROM)).isEqualTo("917890000198");
        assertThat(Map.copyOf(question.getMessage().getHeaders())).containsKey(WaapiConstants.DELIVERY_ID);
    }
}
