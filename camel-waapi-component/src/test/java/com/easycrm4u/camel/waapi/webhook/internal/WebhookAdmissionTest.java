package com.easycrm4u.camel.waapi.webhook.internal;

import com.easycrm4u.camel.waapi.internal.metrics.WaapiMetrics;
import com.easycrm4u.camel.waapi.webhook.WebhookSignature;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a webhook consumer decides from a request's headers alone: the consumer checks it on every host, and the Spring
 * Boot starter's request filter checks it before Spring reads a body.
 */
class WebhookAdmissionTest {

    private static final long MAX_BODY_SIZE = 1000;
    private static final String SIGNATURE = WebhookSignature.sign("{}", "token");

    private final InflightDeliveries inflight = new InflightDeliveries();
    private final WebhookAdmission verifying = admission(true);

    private WebhookAdmission admission(boolean verifySignature) {
        inflight.setAccepting(true);
        return new WebhookAdmission(
                MAX_BODY_SIZE, verifySignature, inflight,
                new WebhookOutcomeRecorder(new WebhookRefusalLog("/waapi/webhook"), WaapiMetrics.NONE));
    }

    @Test
    void aWellFormedRequestIsAdmitted() {
        assertThat(verifying.admit("1000", "application/json; charset=utf-8", SIGNATURE)).isNull();
        assertThat(verifying.admit(null, null, SIGNATURE)).as("chunked, no content type").isNull();
        assertThat(verifying.admit("a lot", "application/json", SIGNATURE)).as("read, then held to maxBodySize").isNull();
        assertThat(verifying.getMaxBodySize()).isEqualTo(MAX_BODY_SIZE);
    }

    @Test
    void whileTheConsumerIsNotAcceptingEveryRequestIsAnswered503WithRetryAfter() {
        inflight.setAccepting(false);

        WebhookResponse answer = verifying.admit("10", "application/json", SIGNATURE);

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.retryAfterSeconds()).isEqualTo(WebhookResponse.RETRY_AFTER_SECONDS);
        assertThat(answer.json())
                .isEqualTo("{\"ok\":false,\"error\":\"the receiver is stopping or suspended; send it again later\"}");
    }

    @Test
    void aDeclaredLengthOverMaxBodySizeIsRefusedBeforeTheBodyIsRead() {
        WebhookResponse answer = verifying.admit(" 1001 ", "application/json", SIGNATURE);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.json()).contains("the body is larger than 1000 bytes");
        assertThat(answer.retryAfterSeconds()).isNull();
    }

    @Test
    void formAndMultipartBodiesAreRefused() {
        assertThat(verifying.admit("10", " Application/X-WWW-Form-Urlencoded", SIGNATURE).status()).isEqualTo(415);
        assertThat(verifying.admit("10", "multipart/form-data; boundary=x", SIGNATURE).status()).isEqualTo(415);
    }

    @Test
    void aMissingOrMalformedSignatureIsRefusedWhenSignaturesAreVerified() {
        assertThat(verifying.admit("10", "application/json", null).status()).isEqualTo(401);
        assertThat(verifying.admit("10", "application/json", "").status()).isEqualTo(401);
        assertThat(verifying.admit("10", "application/json", "sha256=abc").status()).isEqualTo(401);

        WebhookAdmission unverified = admission(false);
        assertThat(unverified.admit("10", "application/json", null)).isNull();
        assertThat(unverified.admit("10", "application/json", "sha256=abc")).isNull();
    }
}
