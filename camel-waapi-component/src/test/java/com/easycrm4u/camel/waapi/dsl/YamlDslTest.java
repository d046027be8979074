package com.easycrm4u.camel.waapi.dsl;

import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.WaapiEndpoint;
import com.easycrm4u.camel.waapi.WaapiTestSupport;
import com.easycrm4u.camel.waapi.model.SendResult;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.main.Main;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A YAML DSL route on Camel Main, with the component configured by {@code camel.component.waapi.*} properties, sends a
 * template built from a Map body (a JSON string unmarshalled in the route), and sends a text once per order.
 */
class YamlDslTest extends WaapiTestSupport {

    private final MemoryIdempotentRepository orders = new MemoryIdempotentRepository();
    private Main main;

    @BeforeEach
    void startMain() throws Exception {
        main = new Main();
        main.configure().withRoutesIncludePattern("classpath:routes/order-shipped.yaml,classpath:routes/send-once.yaml");
        main.bind("orders", orders);
        main.addInitialProperty("camel.component.waapi.base-url", baseUrl());
        main.addInitialProperty("camel.component.waapi.api-key", API_KEY);
        main.addInitialProperty("camel.component.waapi.api-secret", API_SECRET);
        main.addInitialProperty("camel.component.waapi.from-phone-no", "+917890000199");
        main.addInitialProperty("camel.component.waapi.request-timeout", "5s");
        main.addInitialProperty("camel.component.waapi.send-once-claim-timeout", "5m");
        main.start();
    }

    @AfterEach
    void stopMain() {
        main.stop();
    }

    @Test
    void yamlRouteSendsTemplateFromMapBody() {
        stub(post(urlPathEqualTo(path("/whatsapp-api/messages/template"))), 200, """
                {"success": true, "data": {"messageId": "wamid.YAML", "status": "sent", "type": "template"}}""");
        CamelContext camel = main.getCamelContext();

        Exchange exchange = camel.createProducerTemplate().send("direct:order-shipped", e -> e.getMessage().setBody("""
                {"to": "917890000198", "name": "order_shipped",
                 "components": [{"type": "body", "parameters": [{"type": "text", "text": "Sayantan"},
                                                                {"type": "text", "text": "AWB-12345"}]}]}"""));

        assertThat(exchange.getException()).isNull();
        verifyJsonRequest("POST", "/whatsapp-api/messages/template", """
                {"to": "917890000198", "fromPhoneNo": "+917890000199", "name": "order_shipped", "language": "en",
                 "components": [{"type": "body", "parameters": [{"type": "text", "text": "Sayantan"},
                                                                {"type": "text", "text": "AWB-12345"}]}]}""");
        assertThat(exchange.getMessage().getBody()).isInstanceOf(SendResult.class);
        assertThat(exchange.getMessage().getHeader(WaapiConstants.MESSAGE_ID)).isEqualTo("wamid.YAML");
    }

    /** The repository named in the route's endpoint parameters, the claim timeout a component property. */
    @Test
    void yamlRouteSendsTheSameOrderOnce() {
        stub(post(urlPathEqualTo(path("/whatsapp-api/messages/text"))), 200, """
                {"success": true, "data": {"messageId": "wamid.YAML", "status": "sent"}}""");
        CamelContext camel = main.getCamelContext();

        Exchange first = sendOrder(camel);
        Exchange second = sendOrder(camel);

        assertThat(first.getMessage().getHeader(WaapiConstants.MESSAGE_ID)).isEqualTo("wamid.YAML");
        assertThat(second.getMessage().getHeader(WaapiConstants.DUPLICATE_SEND)).isEqualTo(true);
        wireMock.verify(1, RequestPatternBuilder.allRequests());
        assertThat(orders.getCache()).hasSize(1);
        WaapiEndpoint endpoint = (WaapiEndpoint) camel.getEndpoints().stream()
                .filter(e -> e.getEndpointUri().startsWith("waapi://cloud/text")).findFirst().orElseThrow();
        assertThat(endpoint.getConfiguration().getSendOnceClaimTimeout()).isEqualTo(300_000);
    }

    private static Exchange sendOrder(CamelContext camel) {
        return camel.createProducerTemplate().send("direct:order-shipped-once", e -> {
            e.getMessage().setBody("Your order has shipped.");
            e.getMessage().setHeader(WaapiConstants.TO, "917890000198");
            e.getMessage().setHeader("orderId", "SO-1005");
        });
    }
}
