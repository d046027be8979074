package com.easycrm4u.camel.waapi.client;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Retry-After comes as delta-seconds or as an HTTP date. */
class RetryAfterTest {

    @Test
    void deltaSeconds() {
        assertThat(WaapiClient.parseRetryAfter("1")).isEqualTo(Duration.ofSeconds(1));
        assertThat(WaapiClient.parseRetryAfter(" 120 ")).isEqualTo(Duration.ofMinutes(2));
        assertThat(WaapiClient.parseRetryAfter("-5")).isEqualTo(Duration.ZERO);
    }

    @Test
    void httpDate() {
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
        assertThat(WaapiClient.parseRetryAfter(inTenSeconds)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));

        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusHours(1));
        assertThat(WaapiClient.parseRetryAfter(past)).isEqualTo(Duration.ZERO);
    }

    @Test
    void absentOrUnreadable() {
        assertThat(WaapiClient.parseRetryAfter(null)).isNull();
        assertThat(WaapiClient.parseRetryAfter("")).isNull();
        assertThat(WaapiClient.parseRetryAfter("soon")).isNull();
    }
}
