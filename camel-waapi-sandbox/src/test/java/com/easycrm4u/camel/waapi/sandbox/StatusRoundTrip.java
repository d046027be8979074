package com.easycrm4u.camel.waapi.sandbox;

import java.util.List;

import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.model.SendResult;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;

import static org.assertj.core.api.Assertions.assertThat;

/** The round trip the webhook tests share: a template sent by a route, its statuses back through waapi:webhook. */
final class StatusRoundTrip {

    private StatusRoundTrip() {
    }

    /** direct:shipped sends order_shipped; waapi:webhook goes to mock:statuses (main-webhooks-test-routes.yaml too). */
    static RoutesBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:shipped").to("waapi:cloud/template?templateName=order_shipped&language=en");
                from("waapi:webhook").to("mock:statuses");
            }
        };
    }

    /** Sends a template through the context's routes and checks its three statuses reached mock:statuses. */
    static SendResult sendAndReceiveStatuses(CamelContext context, WaapiSandbox sandbox) {
        SendResult sent = context.createProducerTemplate().requestBodyAndHeader("direct:shipped",
                List.of("Sayantan", "AWB-12345"), WaapiConstants.TO, "+917890000198", SendResult.class);

        sandbox.awaitStatus("read", sent.getMessageId());

        MockEndpoint statuses = context.getEndpoint("mock:statuses", MockEndpoint.class);
        assertThat(statuses.getReceivedExchanges()).extracting(e -> e.getMessage().getHeader(WaapiConstants.STATUS))
                .containsExactly("sent", "delivered", "read");
        assertThat(statuses.getReceivedExchanges()).extracting(e -> e.getMessage().getHeader(WaapiConstants.MESSAGE_ID))
                .containsOnly(sent.getMessageId());
        return sent;
    }
}
