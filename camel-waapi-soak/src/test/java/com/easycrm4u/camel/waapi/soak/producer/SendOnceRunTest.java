package com.easycrm4u.camel.waapi.soak.producer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The send-once run of issue 22 at 3,000 keyed sends: under resets, 429s, 5xx and silence, with the route redelivering,
 * no key reaches the customer twice, a repeated key is skipped as a duplicate once its send succeeded, and a send whose
 * outcome is unknown is never made again.
 */
class SendOnceRunTest {

    @Test
    void threeThousandKeyedSendsUnderFaults() throws Exception {
        SendOnceRunReport report = new SendOnceRun(3_000, 32, 1_000, 22).run();
        System.out.println(report.table());

        assertThat(report.completed()).isEqualTo(3_000);
        assertThat(report.pending()).isZero();
        assertThat(report.perKey().maxProcessed()).as("the most times one key reached the customer").isEqualTo(1);
        assertThat(report.sentTwice()).as("keys whose sends succeeded twice").isZero();
        assertThat(report.duplicateOfUnsent()).as("keys skipped as duplicates but never sent").isZero();
        // every kind of fault and every outcome was met, so the figures above mean something
        for (Fault fault : new Fault[] {
                Fault.SERVER_ERROR, Fault.PROXY_ERROR, Fault.RATE_LIMITED, Fault.RATE_LIMITED_NO_RETRY_AFTER, Fault.RESET,
                Fault.RESET_UNPROCESSED, Fault.RESET_MID_ANSWER, Fault.NO_ANSWER }) {
            assertThat(report.server().count(fault)).as(fault.name()).isPositive();
        }
        assertThat(report.duplicates()).isPositive();
        assertThat(report.unknown()).isPositive();
        assertThat(report.routeRedeliveries()).isPositive();
        assertThat(report.perKey().maxRequests()).as("a 500 or a 429 is sent again").isGreaterThan(1);
        assertThat(report.holds()).isTrue();
    }

    @Test
    void everyTenthSendRepeatsTheKeyOfAnEarlierOne() {
        assertThat(SendOnceRun.keyOf(0)).isZero();
        assertThat(SendOnceRun.keyOf(39)).as("too early to repeat").isEqualTo(39);
        assertThat(SendOnceRun.keyOf(48)).isEqualTo(48);
        assertThat(SendOnceRun.keyOf(49)).isEqualTo(4);
        assertThat(SendOnceRun.keyOf(109)).as("the key repeated is never a repeat itself").isEqualTo(64);
    }
}
