package com.example.shipping;

import com.easycrm4u.camel.waapi.WaapiConstants;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/** Receives WAAPI's signed webhooks: the delivery statuses of the messages sent. Needs an HTTP server. */
public class DeliveryStatusRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("waapi:webhook").routeId("delivery-statuses") // POST /waapi/webhook
            .choice()
                .when(header(WaapiConstants.STATUS).isEqualTo("failed"))
                    .log(LoggingLevel.WARN, "message ${header.CamelWaapiMessageId} failed: ${body.status.errors}")
                .when(header(WaapiConstants.EVENT_KIND).isEqualTo("status"))
                    .log("message ${header.CamelWaapiMessageId} is ${header.CamelWaapiStatus}")
            .end();
    }
}
