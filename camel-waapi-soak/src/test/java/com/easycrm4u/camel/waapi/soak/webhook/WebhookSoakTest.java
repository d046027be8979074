package com.easycrm4u.camel.waapi.soak.webhook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The soak run of docs/webhooks.md with 5,000 events, on one node and on two sharing a Hazelcast repository: with route
 * failures, duplicates, replays, a route restart and (two nodes) a node stopped for good, every event reaches a route
 * exactly once.
 */
class WebhookSoakTest {

    private static final int EVENTS = 5_000;

    @Test
    void oneNode() throws Exception {
        assertExactlyOnce(WebhookSoak.run(SoakSettings.full(1).withEvents(EVENTS)));
    }

    @Test
    void twoNodesSharingHazelcastOneStoppedForGood() throws Exception {
        assertExactlyOnce(WebhookSoak.run(SoakSettings.full(2).withEvents(EVENTS)));
    }

    private static void assertExactlyOnce(SoakReport report) {
        System.out.println(report.table());
        assertThat(report.eventsSent()).isEqualTo(EVENTS);
        assertThat(report.lost()).as("lost").isZero();
        assertThat(report.routedTwice()).as("routed twice").isZero();
        assertThat(report.signedAnswered4xx()).as("signed deliveries answered 4xx").isZero();
        assertThat(report.routedExactlyOnce()).isEqualTo(EVENTS);
        assertThat(report.exactlyOnce()).isTrue();
    }
}
