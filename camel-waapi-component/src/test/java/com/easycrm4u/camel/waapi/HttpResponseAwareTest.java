package com.easycrm4u.camel.waapi;

import java.util.Map;

import com.easycrm4u.camel.waapi.internal.WaapiFailures;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.HttpResponseAware;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A {@link WaapiException} is Camel's {@link HttpResponseAware}: Camel's own tools read the status of the answer from
 * it the way they read camel-http's, here a polling consumer's last error details, which its health check reports.
 */
class HttpResponseAwareTest {

    private static final String CALL = "POST /whatsapp-api/messages/text";

    @Test
    void camelsPollingConsumerReportsTheStatusOfTheAnswer() throws Exception {
        WaapiException failure = WaapiFailures.answered(CALL, 503, "Busy", "{\"success\": false}", false, null, true);
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            Polling consumer = new Polling(context.getEndpoint("mock:polled"), failure);
            consumer.setStartScheduler(false);
            consumer.start();
            try {
                consumer.run();

                assertThat(consumer.lastErrorDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 503);
            } finally {
                consumer.stop();
            }
        }
    }

    @Test
    void theStatusIsTheAnswersAndCannotBeChanged() {
        HttpResponseAware answered = WaapiFailures.answered(CALL, 404, null, null, false, null, false);
        HttpResponseAware unanswered = WaapiFailures.notSent(CALL, "no connection", null);

        assertThat(answered.getHttpResponseCode()).isEqualTo(404);
        assertThat(answered.getHttpResponseStatus()).isNull();
        assertThat(unanswered.getHttpResponseCode()).isZero();
        assertThatThrownBy(() -> answered.setHttpResponseCode(200)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> answered.setHttpResponseStatus("OK")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(answered.getHttpResponseCode()).isEqualTo(404);
    }

    /** A consumer whose every poll fails with the given exception. */
    private static final class Polling extends ScheduledPollConsumer {

        private final Exception failure;

        Polling(Endpoint endpoint, Exception failure) {
            super(endpoint, exchange -> {
            });
            this.failure = failure;
        }

        @Override
        protected int poll() throws Exception {
            throw failure;
        }

        Map<String, Object> lastErrorDetails() {
            return getLastErrorDetails();
        }
    }
}
