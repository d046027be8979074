package com.easycrm4u.camel.waapi.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Entries are an LRU of the cache size; marks (claims) are kept whatever the traffic, until removed. */
class ClaimKeepingMemoryRepositoryTest {

    private final ClaimKeepingMemoryRepository repository = new ClaimKeepingMemoryRepository(2);

    @Test
    void trafficEvictsTheOldestEntriesButNeverAMark() {
        assertThat(repository.add("claimed-entry:claim:7")).isTrue();
        assertThat(repository.add("claimed-entry:claim:7")).isFalse();
        for (int i = 0; i < 100; i++) {
            repository.add("entry-" + i);
        }
        assertThat(repository.contains("claimed-entry:claim:7")).isTrue();
        assertThat(repository.contains("entry-0")).isFalse();
        assertThat(repository.contains("entry-98")).isTrue();
        assertThat(repository.contains("entry-99")).isTrue();
        assertThat(repository.size()).isEqualTo(3);
        assertThat(repository.remove("claimed-entry:claim:7")).isTrue();
        assertThat(repository.remove("claimed-entry:claim:7")).isFalse();
        assertThat(repository.remove("entry-99")).isTrue();
        assertThat(repository.remove("entry-99")).isFalse();
        assertThat(repository.confirm("entry-98")).isTrue();
        assertThat(repository.add("entry-98")).as("an entry is added once").isFalse();
        assertThat(repository.add("another-entry:claim:8")).isTrue();
        repository.clear();
        assertThat(repository.size()).isZero();
        assertThat(repository.contains("another-entry:claim:8")).isFalse();
        assertThat(repository.add("entry-98")).isTrue();
    }

    @Test
    void itSaysWhatItIsWithoutAnyKey() {
        repository.add("entry-1");
        assertThat(repository).hasToString("in memory (2 entries, claims kept apart)");
    }

    @Test
    void theLeastRecentlyUsedEntryGoesFirst() {
        repository.add("a");
        repository.add("b");
        assertThat(repository.contains("a")).isTrue();
        repository.add("c");
        assertThat(repository.contains("a")).isTrue();
        assertThat(repository.contains("b")).isFalse();
    }

    @Test
    void aCacheSizeBelowOneIsRefused() {
        assertThatThrownBy(() -> new ClaimKeepingMemoryRepository(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The cache size must be at least 1, was 0");
    }
}
