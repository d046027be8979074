package com.easycrm4u.camel.waapi.dsl;

import java.util.List;

import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.WaapiTestSupport;
import com.easycrm4u.camel.waapi.dsl.factory.WaapiEndpointBuilderFactory;
import com.easycrm4u.camel.waapi.model.SendResult;
import org.apache.camel.Exchange;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A route written with the generated Endpoint DSL builders.
 */
class EndpointDslTest extends WaapiTestSupport {

    @Test
    void templateSentThroughTheEndpointDsl() throws Exception {
        stub(post(urlPathEqualTo(path("/whatsapp-api/messages/template"))), 200, """
                {"success": true, "data": {"messageId": "wamid.DSL", "status": "sent", "type": "template"}}""");
        context.addRoutes(new OrderShippedRoute());

        Exchange exchange = template.send("direct:order-shipped", e -> {
            e.getMessage().setBody(List.of("Sayantan", "AWB-12345"));
            e.getMessage().setHeader("phone", "917890000198");
        });

        assertThat(exchange.getException()).isNull();
        verifyJsonRequest("POST", "/whatsapp-api/messages/template", """
                {"to": "917890000198", "fromPhoneNo": "+917890000199", "name": "order_shipped", "language": "en",
                 "components": [{"type": "body", "parameters": [{"type": "text", "text": "Sayantan"},
                                                                {"type": "text", "text": "AWB-12345"}]}]}""");
        assertThat(exchange.getMessage().getBody(SendResult.class).getMessageId()).isEqualTo("wamid.DSL");
        assertThat(exchange.getMessage().getHeader(WaapiConstants.MESSAGE_STATUS)).isEqualTo("sent");
    }

    /** Routes with Camel's builders and the generated {@code waapi(...)} builder of this component. */
    static class OrderShippedRoute extends EndpointRouteBuilder implements WaapiEndpointBuilderFactory.WaapiBuilders {
        @Override
        public void configure() {
            from(direct("order-shipped"))
                    .setHeader(waapi().waapiTo(), header("phone"))
                    .to(waapi("cloud/template")
                            .templateName("order_shipped")
                            .language("en")
                            .fromPhoneNo("+917890000199")
                            .rateLimitRetries(1));
        }
    }
}
