package com.easycrm4u.camel.waapi.operation;

import java.nio.charset.StandardCharsets;

import com.easycrm4u.camel.waapi.model.SendResult;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every producer of {@link WaapiUriPath} has a handler for its own URI and a call of the API; the webhook has none.
 * Some of what the handlers are made of is decided once, when the operations are created, and is checked here directly.
 */
class WaapiUriPathTest {

    @Test
    void everyProducerHasAHandlerForItsUri() {
        for (WaapiUriPath operation : WaapiUriPath.values()) {
            assertThat(WaapiUriPath.fromUri(operation.uri())).isSameAs(operation);
            assertThat(operation).hasToString(operation.uri());
            if (operation.isProducer()) {
                OperationHandler handler = operation.handler();
                assertThat(handler).as("the handler of waapi:%s", operation).isNotNull();
                assertThat(handler.uri()).isEqualTo(operation.uri());
                assertThat(handler.method()).isIn("GET", "POST", "PATCH");
                assertThat(handler.path()).startsWith("/");
            }
        }
    }

    @Test
    void theWebhookIsTheOnlyConsumer() {
        assertThat(WaapiUriPath.fromUri("webhook")).isSameAs(WaapiUriPath.WEBHOOK);
        assertThat(WaapiUriPath.WEBHOOK.isProducer()).isFalse();
        assertThat(WaapiUriPath.WEBHOOK.handler()).isNull();
        assertThat(WaapiUriPath.producerUris()).hasSize(WaapiUriPath.values().length - 1)
                .doesNotContain("webhook").startsWith("ping").endsWith("qr/sessions");
    }

    @Test
    void mediaOperationsCallThePathOfTheirType() {
        assertThat(WaapiUriPath.CLOUD_STICKER.handler().path()).isEqualTo("/whatsapp-api/messages/sticker");
        assertThat(WaapiUriPath.QR_DOCUMENT.handler().path()).isEqualTo("/whatsapp-qr/messages/document");
        assertThat(WaapiUriPath.fromUri("cloud/nope")).isNull();
        assertThat(WaapiUriPath.fromUri(null)).isNull();
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

        SendResult result = ResultReader.data(mapper, answer, ResultReader.dataOf(SendResult.class));

        assertThat(result.getMessageId()).isEqualTo("wamid.M");
    }
}
