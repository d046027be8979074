package com.example.shipping;

import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.WaapiException;
import com.easycrm4u.camel.waapi.WaapiOutcomeUnknownException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/** Tells a customer that their order has shipped, with the approved order_shipped template. */
public class ShippingRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // redeliver only what cannot reach the customer twice (never sent, 429, 5xx); retryWhile is asked after
        // every attempt, so a redelivery that ends in an unknown outcome is not redelivered again
        onException(WaapiException.class)
                .retryWhile(e -> e.getException(WaapiException.class).isRetryable()
                        && e.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class) <= 3)
                .redeliveryDelay(2000);
        // sent, but no answer says whether it went out: never resent; the caller gets the exception, and the
        // message's delivery webhook (or its absence) tells whether the customer got it
        onException(WaapiOutcomeUnknownException.class)
                .log(LoggingLevel.ERROR, "outcome unknown, not resent: ${exception.message}");

        from("direct:orderShipped").routeId("order-shipped") // body: List.of(customerName, awb)
                .setHeader(WaapiConstants.TO, header("customerPhone"))
                .to("waapi:cloud/template?templateName=order_shipped&language=en")
                .log("order shipped: sent ${header.CamelWaapiMessageId}");
    }
}
