package com.easycrm4u.camel.waapi.sandbox;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The per-key quotas at their edges: sliding windows of a minute and an hour, by the sandbox's clock. */
class QuotasTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-17T12:00:00Z"));
    private final Quotas quotas = new Quotas(clock);

    @Test
    void aKeyWithoutQuotasIsNeverLimited() {
        SandboxApiKey unlimited = SandboxApiKey.builder("waapi_free").build();
        for (int i = 0; i < 1000; i++) {
            quotas.check(unlimited);
        }
    }

    @Test
    void aRequestLeavesTheMinuteExactlyAMinuteLater() {
        SandboxApiKey key = SandboxApiKey.builder("waapi_one").quotaPerMinute(1).build();
        quotas.check(key);

        clock.advance(Duration.ofSeconds(59).plusMillis(999));
        assertRateLimited(key, "Rate limit exceeded: this API key allows 1 requests per minute", "1");

        clock.advance(Duration.ofMillis(1));
        assertThatCode(() -> quotas.check(key)).doesNotThrowAnyException();
    }

    @Test
    void retryAfterIsTheWaitRoundedUpToWholeSeconds() {
        SandboxApiKey key = SandboxApiKey.builder("waapi_two").quotaPerMinute(2).build();
        quotas.check(key);
        clock.advance(Duration.ofMillis(19_500));
        quotas.check(key);

        // the first request leaves the window 40.5 s from now
        assertRateLimited(key, "Rate limit exceeded: this API key allows 2 requests per minute", "41");
        clock.advance(Duration.ofMillis(40_000));
        assertRateLimited(key, "Rate limit exceeded: this API key allows 2 requests per minute", "1");
        clock.advance(Duration.ofMillis(500));
        quotas.check(key);
    }

    @Test
    void aRejectedRequestDoesNotCount() {
        SandboxApiKey key = SandboxApiKey.builder("waapi_three").quotaPerMinute(1).build();
        quotas.check(key);
        for (int i = 0; i < 5; i++) {
            assertRateLimited(key, "Rate limit exceeded: this API key allows 1 requests per minute", "60");
        }
        clock.advance(Duration.ofMinutes(1));
        quotas.check(key);
    }

    @Test
    void theHourlyQuotaCountsTheWholeHourAcrossMinutes() {
        SandboxApiKey key = SandboxApiKey.builder("waapi_hourly").quotaPerMinute(2).quotaPerHour(3).build();
        quotas.check(key);
        clock.advance(Duration.ofMinutes(10));
        quotas.check(key);
        clock.advance(Duration.ofMinutes(10));
        quotas.check(key);
        clock.advance(Duration.ofMinutes(10));

        // the first request is 30 minutes old: 1800 s until it leaves the hour
        assertRateLimited(key, "Rate limit exceeded: this API key allows 3 requests per hour", "1800");
        clock.advance(Duration.ofMinutes(30));
        quotas.check(key);
        assertRateLimited(key, "Rate limit exceeded: this API key allows 3 requests per hour", "600");
    }

    @Test
    void theMinuteCountsOnlyItsOwnRequestsWhileTheHourKeepsOlderOnes() {
        SandboxApiKey key = SandboxApiKey.builder("waapi_mixed").quotaPerMinute(2).quotaPerHour(10).build();
        quotas.check(key);
        clock.advance(Duration.ofSeconds(70));
        quotas.check(key);
        clock.advance(Duration.ofSeconds(10));
        quotas.check(key);
        clock.advance(Duration.ofSeconds(10));

        // the two requests of the last minute are 20 s and 10 s old; the first one, 90 s old, no longer counts
        assertRateLimited(key, "Rate limit exceeded: this API key allows 2 requests per minute", "40");
    }

    @Test
    void anHourlyQuotaAloneAllowsBurstsWithinAMinute() {
        SandboxApiKey key = SandboxApiKey.builder("waapi_burst").quotaPerHour(5).build();
        for (int i = 0; i < 5; i++) {
            quotas.check(key);
        }
        assertRateLimited(key, "Rate limit exceeded: this API key allows 5 requests per hour", "3600");
        clock.advance(Duration.ofMinutes(59));
        assertRateLimited(key, "Rate limit exceeded: this API key allows 5 requests per hour", "60");
    }

    @Test
    void eachKeyHasItsOwnQuotaAndClearForgetsTheUse() {
        SandboxApiKey first = SandboxApiKey.builder("waapi_a").quotaPerMinute(1).build();
        SandboxApiKey second = SandboxApiKey.builder("waapi_b").quotaPerMinute(1).build();
        quotas.check(first);
        quotas.check(second);
        assertRateLimited(first, "Rate limit exceeded: this API key allows 1 requests per minute", "60");

        quotas.clear();

        quotas.check(first);
    }

    private void assertRateLimited(SandboxApiKey key, String message, String retryAfter) {
        assertThatThrownBy(() -> quotas.check(key)).isInstanceOfSatisfying(ApiError.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.field()).isEqualTo("message");
            assertThat(e.getMessage()).isEqualTo(message);
            assertThat(e.headers()).containsExactly(java.util.Map.entry("Retry-After", retryAfter));
        });
    }
}
