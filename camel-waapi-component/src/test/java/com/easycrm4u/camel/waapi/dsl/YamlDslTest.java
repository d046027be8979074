package com.easycrm4u.camel.waapi.dsl;

import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.WaapiTestSupport;
import com.easycrm4u.camel.waapi.model.SendResult;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A YAML DSL route on Camel Main, with the component configured by {@code camel.component.waapi.*} properties, sends a
 * template built from a Map body (a JSON string unmarshalled in the route).
 */
class YamlDslTest extends WaapiTestSupport {

    private Main main;

    @BeforeEach
    void startMain() throws Exception {
        main = new Main();
        main.configure().withRoutesIncludePattern("classpath:routes/order-shipped.yaml");
        main.addInitialProperty("camel.component.waapi.base-url", baseUrl());
        main.addInitialProperty("camel.component.waapi.api-key", API_KEY);
        main.addInitialProperty("camel.component.waapi.api-secret", API_SECRET);
        main.addInitialProperty("camel.component.waapi.from-phone-no", "+917890000199");
        main.addInitialProperty("camel.component.waapi.request-timeout", "5s");
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
}
