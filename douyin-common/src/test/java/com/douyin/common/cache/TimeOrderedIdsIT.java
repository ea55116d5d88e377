package com.douyin.common.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.api.common.CursorPage;
import com.douyin.api.common.PageCursor;
import com.douyin.common.testing.ItDatabase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RScoredSortedSet;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/** Pages of a real Redis sorted set (the ITs' database, keys of this test only): newest first, ties by ID as MySQL orders them. */
class TimeOrderedIdsIT {

    private static RedissonClient redisson;
    private final String key = "time-ordered-it:" + UUID.randomUUID();

    @BeforeAll
    static void connect() {
        redisson = ItDatabase.redis();
    }

    @AfterAll
    static void disconnect() {
        redisson.shutdown();
    }

    private RScoredSortedSet<String> set() {
        return redisson.getScoredSortedSet(key, StringCodec.INSTANCE);
    }

    /** Every page from the first on, following the cursors. */
    private List<Long> walk(int count) {
        List<Long> seen = new ArrayList<>();
        PageCursor cursor = null;
        for (int pages = 0; pages < 1_000; pages++) {
            CursorPage<Long> page = TimeOrderedIds.page(redisson, key, cursor, count);
            assertThat(page.items().size()).isLessThanOrEqualTo(count);
            seen.addAll(page.items());
            cursor = page.next();
            if (cursor == null) {
                break;
            }
        }
        return seen;
    }

    @Test
    void idsOfOneTimeComeHighestFirstAsNumbersAndEveryPageGoesOnWithoutGapsOrRepeats() {
        // 9, 10 and 100 share a time: Redis alone would order them "9", "100", "10" (by bytes).
        List<long[]> members = new ArrayList<>(List.of(new long[] {9, 5000}, new long[] {10, 5000}, new long[] {100, 5000},
                new long[] {7, 6000}, new long[] {3, 4000}));
        for (long i = 0; i < 40; i++) {
            members.add(new long[] {1_000 + i, 3000}); // a group larger than a page
        }
        for (long[] m : members) {
            set().add(m[1], Long.toString(m[0]));
        }
        set().add(0, CompleteSortedSet.MARKER);
        List<Long> expected = members.stream().sorted(Comparator.<long[]>comparingLong(m -> m[1]).thenComparingLong(m -> m[0]).reversed())
                .map(m -> m[0]).toList();
        assertThat(expected.subList(0, 4)).containsExactly(7L, 100L, 10L, 9L);

        for (int count : new int[] {1, 2, 3, 7, 100}) {
            assertThat(walk(count)).as("pages of %d", count).containsExactlyElementsOf(expected);
        }
        // A page read from the whole list in memory (MySQL's order) ends where Redis's does.
        CursorPage<Long> fromRedis = TimeOrderedIds.page(redisson, key, null, 3);
        CursorPage<long[]> inMemory = CursorPage.after(null, members.stream()
                .sorted(Comparator.<long[]>comparingLong(m -> m[1]).thenComparingLong(m -> m[0]).reversed()).toList(), 3,
                m -> new PageCursor(m[1], m[0]));
        assertThat(fromRedis.next()).isEqualTo(inMemory.next()).isEqualTo(new PageCursor(5000, 10));
        assertThat(TimeOrderedIds.page(redisson, key, fromRedis.next(), 3).items()).containsExactly(9L, 3L, 1039L);
        set().delete();
    }

    @Test
    void aSetRedisDoesNotHoldIsNoPageAndAnEmptyOneIsAnEmptyPage() {
        assertThat(TimeOrderedIds.page(redisson, key, null, 10)).isNull();
        set().add(0, CompleteSortedSet.MARKER);
        CursorPage<Long> empty = TimeOrderedIds.page(redisson, key, null, 10);
        assertThat(empty.items()).isEmpty();
        assertThat(empty.next()).isNull();
        set().delete();
    }
}
