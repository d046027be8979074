package com.easycrm4u.camel.waapi.sandbox.console;

import com.easycrm4u.camel.waapi.sandbox.SandboxTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A sent template as the phone shows it: the template's text with the send's parameters in place. */
class TemplateViewTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final SandboxTemplate INVOICE = SandboxTemplate.of("invoice", "en")
            .withHeader("Invoice {{1}}")
            .withBody("Hi {{customer}}, you owe {{amount}} by {{due}}. {{4}} stays as it is.")
            .withFooter("Thank you")
            .withQuickReplyButtons("Pay now")
            .withUrlButton("View", "https://example.com/invoices/{{1}}");

    private static JsonNode send(String singleQuoted) throws Exception {
        return JSON.readTree(singleQuoted.replace('\'', '"'));
    }

    @Test
    void namedCurrencyAndDateParametersUrlButtonsAndUntouchedPlaceholders() throws Exception {
        JsonNode sent = send("{'name':'invoice','language':'en','components':["
                             + "{'type':'header','parameters':[{'type':'text','text':'INV-7'}]},"
                             + "{'type':'body','parameters':[{'type':'text','parameter_name':'customer','text':'Ana'},"
                             + "{'type':'currency','parameter_name':'amount','currency':{'fallback_value':'EUR 12.50',"
                             + "'code':'EUR','amount_1000':12500}},"
                             + "{'type':'date_time','parameter_name':'due','date_time':{'fallback_value':'June 1'}}]},"
                             + "{'type':'button','sub_type':'url','index':'1','parameters':[{'type':'text','text':'INV-7'}]}]}");

        JsonNode view = TemplateView.render(JSON, sent, INVOICE);

        assertThat(view.get("header").asText()).isEqualTo("Invoice INV-7");
        assertThat(view.get("body").asText()).isEqualTo("Hi Ana, you owe EUR 12.50 by June 1. {{4}} stays as it is.");
        assertThat(view.get("footer").asText()).isEqualTo("Thank you");
        assertThat(view.at("/buttons/0/payload").asText()).isEqualTo("Pay now");
        assertThat(view.at("/buttons/1/type").asText()).isEqualTo("url");
        assertThat(view.at("/buttons/1/url").asText()).isEqualTo("https://example.com/invoices/INV-7");
        assertThat(view.at("/parameters/body/1").asText()).isEqualTo("EUR 12.50");
        assertThatThrownBy(() -> TemplateView.quickReply(sent, INVOICE, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("URL button");
    }

    @Test
    void aTemplateWithoutKnownTextShowsWhatWasSent() throws Exception {
        JsonNode sent = send("{'name':'promo','language':'de','components':["
                             + "{'type':'header','parameters':[{'type':'image','image':{'link':'https://example.com/a.png'}}]},"
                             + "{'type':'body','parameters':[{'type':'text','text':'<b>20%</b>'}]},"
                             + "{'type':'button','sub_type':'quick_reply','index':'0','parameters':[{'type':'payload','payload':'STOP'}]}]}");

        JsonNode view = TemplateView.render(JSON, sent, null);

        assertThat(view.get("known").asBoolean()).isFalse();
        assertThat(view.get("body").isNull()).isTrue();
        assertThat(view.at("/headerMedia/type").asText()).isEqualTo("image");
        assertThat(view.at("/headerMedia/link").asText()).isEqualTo("https://example.com/a.png");
        assertThat(view.at("/parameters/body/0").asText()).isEqualTo("<b>20%</b>");
        assertThat(view.at("/buttons/0/payload").asText()).isEqualTo("STOP");
        assertThat(TemplateView.quickReply(sent, null, 0)).isEqualTo(new TemplateView.QuickReply(0, "STOP", "STOP"));
        assertThatThrownBy(() -> TemplateView.quickReply(sent, null, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("withQuickReplyButtons");
    }

    @Test
    void aParameterValueWithDollarsAndBackslashesIsPutInAsItIs() throws Exception {
        JsonNode sent = send("{'name':'t','language':'en','components':[{'type':'body','parameters':"
                             + "[{'type':'text','text':'$1 \\\\\\\\ {{2}}'}]}]}");
        JsonNode view = TemplateView.render(JSON, sent, SandboxTemplate.of("t", "en").withBody("[{{1}}] {{99999999999}}"));
        assertThat(view.get("body").asText()).isEqualTo("[$1 \\\\ {{2}}] {{99999999999}}");
    }
}
