package com.easycrm4u.camel.waapi.client;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long a 429 waits before it is sent again: the Retry-After the API asked for, as delta-seconds or as an HTTP date,
 * else a backoff that doubles from one second up to {@code maxRetryAfter}.
 */
class RetryAfterTest {

    @Test
    void deltaSeconds() {
        assertThat(WaapiClient.parseRetryAfter("1")).isEqualTo(Duration.ofSeconds(1));
        assertThat(WaapiClient.parseRetryAfter(" 120 ")).isEqualTo(Duration.ofMinutes(2));
        assertThat(WaapiClient.parseRetryAfter("-5")).isEqualTo(Duration.ZERO);
    }

    @Test
    void httpDate() {
        ZonedDateTime now = ZonedDateTime.of(2026, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC);
        assertThat(WaapiClient.parseRetryAfter("Sun, 1 Mar 2026 12:00:10 GMT", now)).isEqualTo(Duration.ofSeconds(10));
        assertThat(WaapiClient.parseRetryAfter("Sun, 1 Mar 2026 12:00:00 GMT", now)).isEqualTo(Duration.ZERO);
        assertThat(WaapiClient.parseRetryAfter("Sun, 1 Mar 2026 11:00:00 GMT", now)).as("in the past").isEqualTo(Duration.ZERO);

        String inAnHour = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusHours(1));
        assertThat(WaapiClient.parseRetryAfter(inAnHour)).as("counted from the current time")
                .isGreaterThan(Duration.ofMinutes(50)).isLessThanOrEqualTo(Duration.ofHours(1));
    }

    @Test
    void withoutRetryAfterTheWaitDoublesFromOneSecondUpToMaxRetryAfter() {
        Duration max = Duration.ofSeconds(60);
        assertThat(WaapiClient.backoff(0, max)).isEqualTo(Duration.ofSeconds(1));
        assertThat(WaapiClient.backoff(1, max)).isEqualTo(Duration.ofSeconds(2));
        assertThat(WaapiClient.backoff(2, max)).isEqualTo(Duration.ofSeconds(4));
        assertThat(WaapiClient.backoff(5, max)).isEqualTo(Duration.ofSeconds(32));
        assertThat(WaapiClient.backoff(6, max)).as("64 s is over the cap").isEqualTo(max);
        assertThat(WaapiClient.backoff(1, Duration.ofSeconds(2))).as("exactly at the cap").isEqualTo(Duration.ofSeconds(2));
        assertThat(WaapiClient.backoff(1_000, Duration.ofDays(365))).as("the doubling stops at 2^16 s")
                .isEqualTo(Duration.ofSeconds(65_536));
    }

    @Test
    void absentOrUnreadable() {
        assertThat(WaapiClient.parseRetryAfter(null)).isNull();
        assertThat(WaapiClient.parseRetryAfter("")).isNull();
        assertThat(WaapiClient.parseRetryAfter("soon")).isNull();
    }
}
