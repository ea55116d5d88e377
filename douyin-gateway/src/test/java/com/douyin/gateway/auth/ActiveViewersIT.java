package com.douyin.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.api.cache.ActivityKeys;
import com.douyin.common.testing.ItDatabase;
import com.douyin.common.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/** The day's active viewers in the real Redis. */
class ActiveViewersIT {

    private final RedissonClient redis = ItDatabase.emptyRedis();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T23:59:00Z"));
    private final ActiveViewers active = new ActiveViewers(redis, clock);

    @AfterEach
    void stop() {
        redis.shutdown();
    }

    /** The day's set once it holds {@code size} users (its additions are asynchronous), or as it is after 5 s. */
    private Set<String> activeOn(String day, int size) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Set<String> users = Set.of();
        while (System.nanoTime() < deadline) {
            users = redis.<String>getSet(ActivityKeys.activeUsers(LocalDate.parse(day)), StringCodec.INSTANCE).readAll();
            if (users.size() >= size) {
                break;
            }
            Thread.sleep(20);
        }
        return users;
    }

    @Test
    void eachViewerIsRecordedForEachDayTheyAreSeenAndADayIsKeptForDays() throws InterruptedException {
        active.seen(1);
        active.seen(2);
        active.seen(1);
        assertThat(activeOn("2026-12-06", 2)).containsExactlyInAnyOrder("1", "2");
        long ttl = redis.getSet(ActivityKeys.activeUsers(LocalDate.parse("2026-12-06"))).remainTimeToLive();
        assertThat(ttl).isBetween(Duration.ofDays(2).toMillis(), Duration.ofDays(3).toMillis());

        clock.set(Instant.parse("2026-12-07T00:01:00Z"));
        active.seen(1); // added yesterday: added again today
        assertThat(activeOn("2026-12-07", 1)).containsExactly("1");
        assertThat(activeOn("2026-12-06", 2)).containsExactlyInAnyOrder("1", "2");
    }

    @Test
    void aViewerAddedTodayCostsNoRedisCommandAgain() throws InterruptedException {
        active.seen(3);
        assertThat(activeOn("2026-12-06", 1)).containsExactly("3");
        redis.getKeys().delete(ActivityKeys.activeUsers(LocalDate.parse("2026-12-06")));
        active.seen(3); // remembered here: not added again
        Thread.sleep(300);
        assertThat(activeOn("2026-12-06", 0)).isEmpty();
    }
}
