package com.easycrm4u.camel.waapi.operation;

import java.nio.charset.StandardCharsets;

import com.easycrm4u.camel.waapi.model.SendResult;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every producer of {@link WaapiOperations} has a handler for its own URI and a call of the API; the webhook has none.
 * Some of what the handlers are made of is decided once, when the operations are created, and is checked here directly.
 */
class WaapiOperationsTest {

    @Test
    void everyProducerHasAHandlerForItsUri() {
        for (WaapiOperations operation : WaapiOperations.values()) {
            assertThat(WaapiOperations.fromUri(operation.uri())).isSameAs(operation);
            assertThat(operation).hasToString(operation.uri());
            if (operation.isProducer()) {
                WaapiOperation handler = operation.handler();
                assertThat(handler).as("the handler of waapi:%s", operation).isNotNull();
                assertThat(handler.uri()).isEqualTo(operation.uri());
                assertThat(handler.method()).isIn("GET", "POST", "PATCH");
                assertThat(handler.path()).startsWith("/");
            }
        }
    }

    @Test
    void theWebhookIsTheOnlyConsumer() {
        assertThat(WaapiOperations.fromUri("webhook")).isSameAs(WaapiOperations.WEBHOOK);
        assertThat(WaapiOperations.WEBHOOK.isProducer()).isFalse();
        assertThat(WaapiOperations.WEBHOOK.handler()).isNull();
        assertThat(WaapiOperations.producerUris()).hasSize(WaapiOperations.values().length - 1)
                .doesNotContain("webhook").startsWith("ping").endsWith("qr/sessions");
    }

    @Test
    void mediaOperationsCallThePathOfTheirType() {
        assertThat(WaapiOperations.CLOUD_STICKER.handler().path()).isEqualTo("/whatsapp-api/messages/sticker");
        assertThat(WaapiOperations.QR_DOCUMENT.handler().path()).isEqualTo("/whatsapp-qr/messages/document");
        assertThat(WaapiOperations.fromUri("cloud/nope")).isNull();
        assertThat(WaapiOperations.fromUri(null)).isNull();
    }

    @Test
    void aMediaOperationSendsTheTypeOfTheLastSegmentOfItsUri() {
        // what a media operation's rules allow (caption, filename) follow from this type
        assertThat(MediaRules.typeOf("cloud/sticker")).isEqualTo("sticker");
        assertThat(MediaRules.typeOf("qr/document")).isEqualTo("document");
    }

    @Test
    void anAnswerIsReadIntoItsDataType() {
        ObjectMapper mapper = new ObjectMapper();
        byte[] answer = "{\"success\": true, \"data\": {\"messageId\": \"wamid.M\", \"status\": \"sent\"}}"
                .getBytes(StandardCharsets.UTF_8);

        SendResult result = AnswerReader.data(mapper, answer, AnswerReader.dataOf(SendResult.class));

        assertThat(result.getMessageId()).isEqualTo("wamid.M");
    }
}
