package com.easycrm4u.camel.waapi.sandbox;

import java.util.List;
import java.util.Map;

import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.WaapiException;
import com.easycrm4u.camel.waapi.WaapiNotFoundException;
import com.easycrm4u.camel.waapi.WaapiRateLimitException;
import com.easycrm4u.camel.waapi.model.SendResult;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a route gets from the component on the sandbox where the reference is explicit. */
class ReferenceFidelityRoutesTest extends CamelTestSupport {

    private static final String CUSTOMER = "+917890000198";
    private static final String OTHER_NUMBER = "+4915112345678";

    @RegisterExtension
    WaapiSandboxExtension waapi = new WaapiSandboxExtension(
            WaapiSandbox.builder()
                    .phoneNumber(WaapiSandbox.DEFAULT_PHONE_NUMBER, WaapiSandbox.DEFAULT_PHONE_NUMBER_ID)
                    .phoneNumber(OTHER_NUMBER, null)
                    .recipientWithoutWhatsApp("+917890000112", WithoutWhatsApp.SEND_ERROR)
                    .qrSession(WaapiSandbox.DEFAULT_QR_SESSION_ID, "Primary", WaapiSandbox.DEFAULT_PHONE_NUMBER, true)
                    .qrSession("sess_other", "Second phone", OTHER_NUMBER, true));

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return missingTemplateRoutes();
    }

    /** direct:shipped sends a template that is not approved, and catches it as docs/waapi-component.md shows. */
    static RoutesBuilder missingTemplateRoutes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(WaapiException.class)
                        .onWhen(exchange -> {
                            WaapiException e = exchange.getException(WaapiException.class);
                            return Integer.valueOf(132001).equals(e.getMetaErrorCode()) || e instanceof WaapiNotFoundException;
                        })
                        .handled(true)
                        .setBody(constant("missing template"));
                from("direct:shipped").to("waapi:cloud/template?templateName=order_lost&language=en");
            }
        };
    }

    // 1. the synchronous form reaches the route as a WaapiException with Meta's code

    @Test
    void aSendRefusedWith131026ReachesTheRouteAsAWaapiException() {
        assertThatThrownBy(() -> template.requestBodyAndHeader("waapi:cloud/template?templateName=order_shipped&language=en",
                List.of("a", "b"), WaapiConstants.TO, "+917890000112"))
                .cause().isInstanceOfSatisfying(WaapiException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getMetaErrorCode()).isEqualTo(131026);
                    assertThat(e.isRetryable()).isFalse();
                });
        assertThat(waapi.getSandbox().getSentMessages()).isEmpty();
    }

    // 3. a session id on the message chooses the session; the fromPhoneNo option does not get in its way

    @Test
    void aQrSessionIdOnTheMessageChoosesTheSessionWhateverTheDefaultNumber() {
        SendResult byHeader = template.requestBodyAndHeaders("waapi:qr/text", "Hello from the second phone",
                Map.of(WaapiConstants.TO, CUSTOMER, WaapiConstants.SESSION_ID, "sess_other"), SendResult.class);
        SendResult byBody = template.requestBodyAndHeaders("waapi:qr/text",
                Map.of("sessionId", "sess_other", "body", "Hello again"), Map.of(WaapiConstants.TO, CUSTOMER),
                SendResult.class);

        assertThat(List.of(byHeader, byBody)).extracting(SendResult::getSessionId).containsOnly("sess_other");
        assertThat(waapi.getSandbox().getSentMessages()).allSatisfy(m -> {
            assertThat(m.getFrom()).isEqualTo("4915112345678");
            assertThat(m.getRequest().has("fromPhoneNo")).isFalse();
        });
    }

    @Test
    void aFromPhoneNoOnTheMessageIsStillSentBesideTheSessionId() {
        assertThatThrownBy(() -> template.requestBodyAndHeaders("waapi:qr/text", "Hello", Map.of(WaapiConstants.TO, CUSTOMER,
                WaapiConstants.SESSION_ID, "sess_other", WaapiConstants.FROM_PHONE_NO, WaapiSandbox.DEFAULT_PHONE_NUMBER)))
                .cause().isInstanceOfSatisfying(WaapiException.class, e -> assertThat(e.getApiMessage())
                        .isEqualTo("No connected WhatsApp QR session found. Connect a device first."));

        SendResult matching = template.requestBodyAndHeaders("waapi:qr/text", "Hello", Map.of(WaapiConstants.TO, CUSTOMER,
                WaapiConstants.SESSION_ID, "sess_other", WaapiConstants.FROM_PHONE_NO, OTHER_NUMBER), SendResult.class);
        assertThat(matching.getSessionId()).isEqualTo("sess_other");
        assertThat(waapi.getSandbox().getSentMessage(matching.getMessageId()).getRequest().get("fromPhoneNo").asText())
                .isEqualTo(OTHER_NUMBER);
    }

    // 4. a QR recipient in JID form, as the API's answers and webhooks carry it

    @Test
    void aQrRecipientInJidFormIsAcceptedAndSentAsGiven() {
        SendResult first = template.requestBodyAndHeader("waapi:qr/text", "Hello", WaapiConstants.TO, CUSTOMER,
                SendResult.class);

        SendResult reply = template.requestBodyAndHeader("waapi:qr/text", "Thanks for your order", WaapiConstants.TO,
                first.getTo(), SendResult.class);

        assertThat(first.getTo()).isEqualTo("917890000198@s.whatsapp.net");
        SentMessage sent = waapi.getSandbox().getSentMessage(reply.getMessageId());
        assertThat(sent.getRequest().get("to").asText()).isEqualTo("917890000198@s.whatsapp.net");
        assertThat(sent.getTo()).isEqualTo("917890000198");
    }

    // 5. a missing template: 400 with (#132001) as the reference's example, or 404 as its status table

    @Test
    void aMissingTemplateIsCaughtByItsMetaCodeWithA400() {
        Exchange exchange = template.request("direct:shipped", e -> e.getMessage().setHeader(WaapiConstants.TO, CUSTOMER));

        assertThat(exchange.getMessage().getBody()).isEqualTo("missing template");
        WaapiException caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, WaapiException.class);
        assertThat(caught).isNotInstanceOf(WaapiNotFoundException.class);
        assertThat(caught.getStatusCode()).isEqualTo(400);
        assertThat(caught.getMetaErrorCode()).isEqualTo(132001);
    }

    // 8. a 429 without Retry-After: the component waits by itself, or the route gets it without a wait

    @Test
    void a429WithoutRetryAfterReachesTheRouteWithoutAWait() {
        waapi.getSandbox().faults().rateLimitNext(1);
        assertThatThrownBy(() -> template.requestBody("waapi:ping?rateLimitRetries=0", (Object) null))
                .cause().isInstanceOfSatisfying(WaapiRateLimitException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(429);
                    assertThat(e.getRetryAfter()).isEmpty();
                    assertThat(e.isRetryable()).isTrue();
                });

        waapi.getSandbox().faults().rateLimitNext(1);
        template.requestBody("waapi:ping", (Object) null);
        assertThat(waapi.getSandbox().getRequests()).extracting(ApiRequest::status).containsExactly(429, 429, 200);
    }
}
