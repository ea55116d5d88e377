package com.douyin.common.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.common.testing.ItDatabase;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/** Ranged reads of a real Redis sorted set loaded whole (the ITs' database, keys of this test only). */
class CompleteSortedSetIT {

    private static RedissonClient redisson;
    private final String key = "complete-sorted-set-it:" + UUID.randomUUID();
    private final AtomicInteger loads = new AtomicInteger();

    @BeforeAll
    static void connect() {
        redisson = ItDatabase.redis();
    }

    @AfterAll
    static void disconnect() {
        redisson.shutdown();
    }

    /** A set whose rows are members "m1".."mN" scored 1000 + i: m{N} is the highest. */
    private CompleteSortedSet setOf(int members) {
        return new CompleteSortedSet(redisson, key, () -> {
            loads.incrementAndGet();
            Map<String, Double> rows = new LinkedHashMap<>();
            for (int i = 1; i <= members; i++) {
                rows.put("m" + i, 1000d + i);
            }
            return rows;
        }, null);
    }

    @Test
    void pagesAreReadHighestFirstWithoutTheMarkerAndTheSetIsLoadedOnce() {
        CompleteSortedSet set = setOf(5);
        assertThat(set.highestFirst(0, 2)).containsExactly("m5", "m4");
        assertThat(set.highestFirst(2, 2)).containsExactly("m3", "m2");
        assertThat(set.highestFirst(4, 2)).as("the last page reaches the marker").containsExactly("m1");
        assertThat(set.highestFirst(0, 101)).containsExactly("m5", "m4", "m3", "m2", "m1");
        assertThat(set.highestFirst(7, 2)).as("past the end").isEmpty();
        assertThat(loads).as("loaded on the first read only").hasValue(1);
        redisson.getKeys().delete(key);
    }

    @Test
    void anEmptySetIsLoadedOnceAndAnswersNothing() {
        CompleteSortedSet set = setOf(0);
        assertThat(set.highestFirst(0, 10)).isEmpty();
        assertThat(set.highestFirst(0, 10)).isEmpty();
        assertThat(loads).as("the marker tells a loaded empty set from a missing one").hasValue(1);
        assertThat(set.highestFirst(0, 0)).isEmpty();
        redisson.getKeys().delete(key);
    }
}
