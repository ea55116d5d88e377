package com.douyin.message.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.common.redis.RedissonAutoConfiguration;
import com.douyin.common.testing.ItDatabase;
import com.douyin.common.testing.LocalRedisCluster;
import com.douyin.message.assistant.AssistantAllowance.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/** The assistant's per-user allowance, counted in the machine's real Redis (the ITs' database), and in a Redis Cluster. */
class AssistantAllowanceIT {

    private static RedissonClient redisson;
    private final Instant noon = Instant.parse("2026-12-04T12:00:00Z");

    @BeforeAll
    static void redis() {
        redisson = ItDatabase.emptyRedis();
    }

    @AfterAll
    static void close() {
        redisson.shutdown();
    }

    private AssistantAllowance at(Instant time, int perMinute, int perDay) {
        return new AssistantAllowance(redisson, perMinute, perDay, Clock.fixed(time, ZoneOffset.UTC));
    }

    @Test
    void aUserGetsPerMinuteCallsAMinuteAndAgainTheNextMinute() {
        long user = 7001;
        AssistantAllowance now = at(noon, 3, 100);
        assertThat(List.of(now.take(user), now.take(user), now.take(user), now.take(user)))
                .containsExactly(Verdict.ALLOWED, Verdict.ALLOWED, Verdict.ALLOWED, Verdict.MINUTE_USED_UP);
        assertThat(now.take(7002)).as("another user").isEqualTo(Verdict.ALLOWED);
        assertThat(at(noon.plus(Duration.ofMinutes(1)), 3, 100).take(user)).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void theDaysBudgetHoldsAcrossMinutesUntilTheNextDay() {
        long user = 7003;
        for (int minute = 0; minute < 5; minute++) {
            assertThat(at(noon.plus(Duration.ofMinutes(minute)), 10, 5).take(user)).isEqualTo(Verdict.ALLOWED);
        }
        assertThat(at(noon.plus(Duration.ofMinutes(9)), 10, 5).take(user)).isEqualTo(Verdict.DAY_USED_UP);
        assertThat(at(noon.plus(Duration.ofHours(12)), 10, 5).take(user)).as("the next UTC day").isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void parallelMessagesGetNoMoreThanTheAllowance() throws Exception {
        long user = 7004;
        AssistantAllowance now = at(noon, 5, 100);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Verdict>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                calls.add(() -> now.take(user));
            }
            long allowed = 0;
            for (Future<Verdict> verdict : pool.invokeAll(calls)) {
                allowed += verdict.get() == Verdict.ALLOWED ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(5);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void onARedisClusterAUsersTwoCountersShareASlotAndTheAllowanceHolds() throws Exception {
        try (LocalRedisCluster cluster = LocalRedisCluster.start(17121)) {
            RedissonClient clustered = new RedissonAutoConfiguration().redissonClient(cluster.properties());
            try {
                AssistantAllowance now = new AssistantAllowance(clustered, 2, 100, Clock.fixed(noon, ZoneOffset.UTC));
                assertThat(List.of(now.take(7005), now.take(7005), now.take(7005)))
                        .containsExactly(Verdict.ALLOWED, Verdict.ALLOWED, Verdict.MINUTE_USED_UP);
            } finally {
                clustered.shutdown();
            }
        }
    }
}
