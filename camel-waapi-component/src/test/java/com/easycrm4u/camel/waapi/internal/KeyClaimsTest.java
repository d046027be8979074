package com.easycrm4u.camel.waapi.internal;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The claims' time slots are whole milliseconds: one shorter than a millisecond would be none. */
class KeyClaimsTest {

    @Test
    void aSlotShorterThanAMillisecondIsRefused() {
        ClaimKeepingMemoryRepository repository = new ClaimKeepingMemoryRepository(10);
        assertThatThrownBy(() -> new KeyClaims(repository, "test", Duration.ofNanos(999_999), System::currentTimeMillis))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The claim slot must be positive, was PT0.000999999S");
    }
}
