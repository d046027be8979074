package com.example.shipping;

import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.WaapiException;
import org.apache.camel.builder.RouteBuilder;

/** Tells a customer that their order has shipped, with the approved order_shipped template. */
public class ShippingRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // isRetryable(): not sent (no answer, or rate limited), so safe to send again
        onException(WaapiException.class)
            .onWhen(exchange -> exchange.getException(WaapiException.class).isRetryable())
            .maximumRedeliveries(3).redeliveryDelay(2000);

        from("direct:orderShipped").routeId("order-shipped") // body: List.of(customerName, awb)
            .setHeader(WaapiConstants.TO, header("customerPhone"))
            .to("waapi:cloud/template?templateName=order_shipped&language=en")
            .log("order shipped: sent ${header.CamelWaapiMessageId}");
    }
}
