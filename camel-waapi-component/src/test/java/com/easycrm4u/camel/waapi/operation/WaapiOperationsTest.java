package com.easycrm4u.camel.waapi.operation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every producer of {@link WaapiOperations} has a handler for its own URI and a call of the API; the webhook has none.
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
}
