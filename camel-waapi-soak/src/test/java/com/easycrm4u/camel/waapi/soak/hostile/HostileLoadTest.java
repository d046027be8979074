package com.easycrm4u.camel.waapi.soak.hostile;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile-load run of docs/webhooks.md, scaled down to about a minute per host: each receiver in a JVM of its own
 * with a 256 MiB heap that exits on out-of-memory, 1,500 genuine events delivered while 200 idle connections declare
 * maxBodySize, 100 senders send forged 1 MiB bodies (twice each) at a slow route, 40 trickle their bodies, and the
 * three spellings of the path get 256 MiB chunked bodies. No genuine event may be lost or routed twice, and the
 * receiver must neither run out of memory nor end.
 */
class HostileLoadTest {

    @Test
    void camelMainOnVertx() throws Exception {
        assertInvariants(HostileSettings.small(Host.CAMEL_MAIN));
    }

    @Test
    void springBootOnTomcat() throws Exception {
        assertInvariants(HostileSettings.small(Host.SPRING_BOOT));
    }

    private static void assertInvariants(HostileSettings settings) throws Exception {
        List<HostResult> results = HostileRun.run(settings);
        System.out.println(HostResult.table(settings.describe(), results));
        HostResult result = results.get(0);
        assertThat(result.outOfMemory()).as("the receiver ran out of memory").isFalse();
        assertThat(result.endedByItself()).as("the receiver ended by itself").isFalse();
        assertThat(result.lost()).as("genuine events lost").isZero();
        assertThat(result.routedTwice()).as("genuine events routed twice").isZero();
        assertThat(result.passed()).isTrue();
    }
}
