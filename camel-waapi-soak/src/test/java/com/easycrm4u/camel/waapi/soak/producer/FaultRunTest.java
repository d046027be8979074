package com.easycrm4u.camel.waapi.soak.producer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault run of issue 10 at 5,000 messages: every exchange completes, the component re-sends nothing but 429s, and a
 * route that redelivers only {@code isRetryable()} never gets a message to the customer twice.
 */
class FaultRunTest {

    @Test
    void fiveThousandMessagesUnderFaults() throws Exception {
        FaultRunReport report = new FaultRun(5_000, 64, 1_000, 10).run();
        System.out.println(report.table());

        assertThat(report.completed()).isEqualTo(5_000);
        assertThat(report.pending()).isZero();
        assertThat(report.server().resentOtherwise()).as("requests the component sent again, other than 429s").isZero();
        assertThat(report.server().processedTwice()).as("messages the customer got twice").isZero();
        assertThat(report.retryWouldDuplicate()).as("failed exchanges whose retry would send a second copy").isZero();
        // every kind of fault was met, so the figures above mean something
        assertThat(report.server().count(Fault.SERVER_ERROR)).isPositive();
        assertThat(report.server().count(Fault.RATE_LIMITED)).isPositive();
        assertThat(report.server().count(Fault.RATE_LIMITED_NO_RETRY_AFTER)).isPositive();
        assertThat(report.server().count(Fault.RESET)).isPositive();
        assertThat(report.server().count(Fault.NO_ANSWER)).isPositive();
        assertThat(report.server().count(Fault.OVERSIZED)).isPositive();
        assertThat(report.server().resentAfterRateLimit()).isPositive();
        assertThat(report.routeRedeliveries()).isPositive();
        assertThat(report.failures()).containsKey("WaapiOutcomeUnknownException");
        assertThat(report.holds()).isTrue();
    }
}
