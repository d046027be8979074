package com.easycrm4u.camel.waapi.producer;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.WaapiOutcomeUnknownException;
import com.easycrm4u.camel.waapi.WaapiTestSupport;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** An operator clears a key with an unknown outcome over JMX: the endpoint's clearSendOnceKey operation. */
class SendOnceJmxTest extends WaapiTestSupport {

    private static final Map<String, Object> TEXT = Map.of("to", "917890000198", "fromPhoneNo", "+917890000199",
            "body", "Order SO-1005 has shipped.");

    @Test
    void anOperatorClearsAKeyWithAnUnknownOutcomeOverJmx() throws Exception {
        stub(post(urlPathEqualTo(path("/whatsapp-api/messages/text"))), 504, "{\"success\": false, \"error\": \"timeout\"}");
        String route = routeTo("waapi:cloud/text");
        Map<String, Object> key = Map.of(WaapiConstants.SEND_ONCE_KEY, "order-SO-1005-shipped");
        template.send(route, e -> fill(e, key));
        assertThat(template.send(route, e -> fill(e, key)).getException())
                .isExactlyInstanceOf(WaapiOutcomeUnknownException.class);
        wireMock.verify(1, RequestPatternBuilder.allRequests());

        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> endpoints = jmx.queryNames(new ObjectName(
                "org.apache.camel:context=" + context.getManagementName() + ",type=endpoints,name=\"waapi://cloud/text\""),
                null);
        assertThat(endpoints).hasSize(1);
        Object cleared = jmx.invoke(endpoints.iterator().next(), "clearSendOnceKey",
                new Object[] { "order-SO-1005-shipped" }, new String[] { String.class.getName() });

        assertThat(cleared).isEqualTo(true);
        stub(post(urlPathEqualTo(path("/whatsapp-api/messages/text"))), 200,
                "{\"success\": true, \"data\": {\"messageId\": \"wamid.AGAIN\", \"status\": \"sent\"}}");
        Exchange again = template.send(route, e -> fill(e, key));
        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getHeader(WaapiConstants.MESSAGE_ID)).isEqualTo("wamid.AGAIN");
        wireMock.verify(2, RequestPatternBuilder.allRequests());
    }

    private static void fill(Exchange exchange, Map<String, Object> headers) {
        exchange.getMessage().setBody(TEXT);
        exchange.getMessage().getHeaders().putAll(headers);
    }
}
