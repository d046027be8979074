package com.easycrm4u.camel.waapi.sandbox;

import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.WaapiException;
import com.easycrm4u.camel.waapi.WaapiNotFoundException;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A missing template answered 404, as the reference's status table has it: the documented catch still holds. */
class MissingTemplateAs404Test extends CamelTestSupport {

    @RegisterExtension
    WaapiSandboxExtension waapi = new WaapiSandboxExtension(WaapiSandbox.builder().missingTemplateStatus(404));

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return ReferenceFidelityRoutesTest.missingTemplateRoutes();
    }

    @Test
    void aMissingTemplateIsCaughtAsWellWithA404() {
        Exchange exchange = template.request("direct:shipped",
                e -> e.getMessage().setHeader(WaapiConstants.TO, "+917890000198"));

        assertThat(exchange.getMessage().getBody()).isEqualTo("missing template");
        WaapiException caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, WaapiException.class);
        assertThat(caught).isInstanceOf(WaapiNotFoundException.class);
        assertThat(caught.getMetaErrorCode()).isEqualTo(132001);
        assertThat(caught.getApiMessage()).isEqualTo("(#132001) Template name does not exist in the translation");
    }
}
