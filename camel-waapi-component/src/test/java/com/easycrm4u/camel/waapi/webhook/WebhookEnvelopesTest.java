package com.easycrm4u.camel.waapi.webhook;

import java.io.InputStream;

import com.easycrm4u.camel.waapi.webhook.model.MessagesValue;
import com.easycrm4u.camel.waapi.webhook.model.TemplateStatusUpdate;
import com.easycrm4u.camel.waapi.webhook.model.WebhookEnvelope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookEnvelopesTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private byte[] payload(String name) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/webhook/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theChangeFieldSelectsTheValueType() throws Exception {
        WebhookEnvelope envelope = WebhookEnvelopes.parse(payload("multi-entry.json"), mapper);
        assertThat(envelope.getEntry().get(0).getChanges().get(0).getValue()).isInstanceOf(MessagesValue.class);
        assertThat(envelope.getEntry().get(1).getChanges().get(1).getValue()).isInstanceOf(TemplateStatusUpdate.class);
        assertThat(envelope.getEntry().get(1).getChanges().get(1).getField()).isEqualTo("message_template_status_update");
        assertThat(WebhookEnvelopes.split(envelope)).hasSize(7);
    }

    @Test
    void theTypedEnvelopeWritesBackTheSameShape() throws Exception {
        byte[] original = payload("multi-entry.json");
        WebhookEnvelope envelope = WebhookEnvelopes.parse(original, mapper);
        JsonNode written = mapper.readTree(mapper.writeValueAsBytes(envelope));
        JsonNode change = written.path("entry").path(1).path("changes").path(1);
        assertThat(change.path("field").asText()).isEqualTo("message_template_status_update");
        assertThat(change.path("value").path("message_template_name").asText()).isEqualTo("promo");
        assertThat(written.path("entry").path(0).path("changes").path(0).path("value").path("messages").path(0)
                .path("text").path("body").asText()).isEqualTo("first");
        JsonNode unknown = written.path("entry").path(1).path("changes").path(2);
        assertThat(unknown.path("field").asText()).isEqualTo("account_update");
        assertThat(unknown.path("value").path("event").asText()).isEqualTo("VERIFIED_ACCOUNT");
        assertThat(written.path("entry").path(0).path("changes").path(0).path("field").asText()).isEqualTo("messages");
        assertThat(written.path("entry").path(0).path("changes").path(0).properties()).hasSize(2);
    }

    @Test
    void notJsonAndNotAnEnvelopeAreNamed() {
        assertThatThrownBy(() -> WebhookEnvelopes.parse("{".getBytes(), mapper))
                .isInstanceOf(InvalidWebhookPayloadException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> WebhookEnvelopes.parse("{\"object\":\"page\",\"entry\":[]}".getBytes(), mapper))
                .isInstanceOf(InvalidWebhookPayloadException.class).hasMessageContaining("\"object\"");
        String wrongType
                = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\","
                  + "\"value\":{\"statuses\":[{\"id\":\"w\",\"pricing\":{\"billable\":{\"secret\":\"do-not-echo\"}}}]}}]}]}";
        assertThatThrownBy(() -> WebhookEnvelopes.parse(wrongType.getBytes(), mapper))
                .isInstanceOf(InvalidWebhookPayloadException.class)
                .hasMessageEndingWith("at $.entry[0].changes[0].value.statuses[0].pricing.billable")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("do-not-echo"));
    }

    @Test
    void aStructureThatIsNotAnEnvelopeIsNamed() {
        String envelope = "{\"object\":\"whatsapp_business_account\",\"entry\":%s}";
        assertThatThrownBy(() -> WebhookEnvelopes.parse("{\"object\":\"whatsapp_business_account\"}".getBytes(), mapper))
                .isInstanceOf(InvalidWebhookPayloadException.class).hasMessageEndingWith("\"entry\" is not an array");
        for (String entries : new String[] { "[null]", "[{\"id\":\"1\"}]", "[{\"id\":\"1\",\"changes\":null}]" }) {
            assertThatThrownBy(() -> WebhookEnvelopes.parse(envelope.formatted(entries).getBytes(), mapper)).as(entries)
                    .isInstanceOf(InvalidWebhookPayloadException.class)
                    .hasMessageEndingWith("an entry is not an object with a \"changes\" array");
        }
        for (String changes : new String[] { "[null]", "[{\"value\":{}}]", "[{\"field\":7}]", "[\"messages\"]" }) {
            String json = envelope.formatted("[{\"id\":\"1\",\"changes\":" + changes + "}]");
            assertThatThrownBy(() -> WebhookEnvelopes.parse(json.getBytes(), mapper)).as(changes)
                    .isInstanceOf(InvalidWebhookPayloadException.class)
                    .hasMessageEndingWith("a change is not an object with a \"field\"");
        }
    }
}
