package com.easycrm4u.camel.waapi.dsl;

import java.util.List;

import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.WaapiEndpoint;
import com.easycrm4u.camel.waapi.WaapiTestSupport;
import com.easycrm4u.camel.waapi.dsl.factory.WaapiEndpointBuilderFactory;
import com.easycrm4u.camel.waapi.model.SendResult;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import org.apache.camel.Exchange;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
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

    @Test
    void sendOnceOptionsThroughTheEndpointDsl() throws Exception {
        stub(post(urlPathEqualTo(path("/whatsapp-api/messages/text"))), 200, """
                {"success": true, "data": {"messageId": "wamid.DSL", "status": "sent"}}""");
        MemoryIdempotentRepository orders = new MemoryIdempotentRepository();
        context.getRegistry().bind("orders", orders);
        context.addRoutes(new TextOnceRoute());

        for (int i = 0; i < 2; i++) {
            template.send("direct:text-once", e -> {
                e.getMessage().setBody("Your order has shipped.");
                e.getMessage().setHeader(WaapiConstants.TO, "917890000198");
                e.getMessage().setHeader("orderId", "SO-1005");
            });
        }

        wireMock.verify(1, RequestPatternBuilder.allRequests());
        assertThat(orders.getCache()).as("the key was sent through the named repository").hasSize(1);
        WaapiEndpoint endpoint = (WaapiEndpoint) context.getEndpoints().stream()
                .filter(e -> e.getEndpointUri().startsWith("waapi://cloud/text")).findFirst().orElseThrow();
        assertThat(endpoint.getConfiguration().getSendOnceClaimTimeout()).isEqualTo(300_000);
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

    /** The send-once options with the generated builder. */
    static class TextOnceRoute extends EndpointRouteBuilder implements WaapiEndpointBuilderFactory.WaapiBuilders {
        @Override
        public void configure() {
            from(direct("text-once"))
                    .setHeader(waapi().waapiSendOnceKey(), simple("order-${header.orderId}-shipped"))
                    .to(waapi("cloud/text").fromPhoneNo("+917890000199").sendOnceRepository("#orders")
                            .advanced().sendOnceClaimTimeout("5m"));
        }
    }
}
