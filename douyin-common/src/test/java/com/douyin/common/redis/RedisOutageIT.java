package com.douyin.common.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.common.testing.ItDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisTimeoutException;
import org.redisson.config.Config;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The outage switch against the machine's real MySQL and Redis (database 1). The failing calls
 * are the tests' own; whether Redis answers is asked for real, of the machine's Redis or of a
 * port where nothing listens.
 */
class RedisOutageIT {

    private static final String REDIS_URL = System.getenv().getOrDefault("DOUYIN_IT_REDIS_URL", "redis://127.0.0.1:6379");

    private static RedissonClient redisson;
    private static JdbcTemplate jdbc;
    private static RedisPing nothingListens;
    private static RedisPing machineRedis;

    @BeforeAll
    static void connect() throws Exception {
        ItDatabase.recreate("douyin_it_outage");
        jdbc = new JdbcTemplate(new DriverManagerDataSource(ItDatabase.jdbcUrl("douyin_it_outage"), ItDatabase.user(), ItDatabase.password()));
        Config config = new Config();
        config.useSingleServer().setAddress(REDIS_URL).setDatabase(ItDatabase.REDIS_DATABASE);
        redisson = Redisson.create(config);
        nothingListens = new RedisPing(new RedisProperties("redis://127.0.0.1:1", null, 0, null, null, null));
        machineRedis = new RedisPing(new RedisProperties(REDIS_URL, null, 0, null, null, null));
    }

    @AfterAll
    static void disconnect() {
        redisson.shutdown();
        nothingListens.close();
        machineRedis.close();
    }

    @Test
    void duringAnOutageCallsGoToMysqlAndItEndsOnlyWhenTheStaleKeysAreGoneFromRedis() {
        try (RedisOutage outage = new RedisOutage(redisson, jdbc, nothingListens::answers, Duration.ofHours(1), Duration.ofHours(1))) {
            redisson.getBucket("outage-it:stale").set("old value");
            redisson.getBucket("outage-it:kept").set("still good");

            String first = outage.redisOrElse(() -> {
                throw new RedisConnectionException("Redis is down");
            }, () -> "from MySQL");
            assertThat(first).isEqualTo("from MySQL");
            assertThat(outage.inEffect()).isTrue();
            assertThat(outage.redisOrElse(() -> "from Redis", () -> "from MySQL")).as("Redis not asked during the outage")
                    .isEqualTo("from MySQL");
            outage.markStale(List.of("outage-it:stale"));
            outage.delete(List.of("outage-it:evicted"));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cache_stale_key", Long.class)).isEqualTo(2);

            outage.sweep(); // what the sweeper does every second; the Redis it uses answers

            assertThat(outage.inEffect()).isFalse();
            assertThat(redisson.getBucket("outage-it:stale").isExists()).isFalse();
            assertThat(redisson.getBucket("outage-it:kept").get()).isEqualTo("still good");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cache_stale_key", Long.class)).isZero();
            assertThat(outage.redisOrElse(() -> "from Redis", () -> "from MySQL")).isEqualTo("from Redis");
        }
    }

    @Test
    void aTimeoutWhileRedisAnswersAPingIsThatCallsOwnAndAChangeRedisDecidesIsTriedOnceMoreThenRefused() {
        assertThat(machineRedis.answers()).isTrue();
        assertThat(nothingListens.answers()).isFalse();
        try (RedisOutage outage = new RedisOutage(redisson, jdbc, machineRedis::answers, Duration.ofHours(1), Duration.ofHours(1))) {
            RedisTimeoutException starved = new RedisTimeoutException("Command still hasn't been written into connection!");

            assertThat(outage.redisOrElse(() -> {
                throw starved;
            }, () -> "from MySQL")).as("a read answers from MySQL this once").isEqualTo("from MySQL");
            assertThat(outage.inEffect()).as("not an outage: Redis answers the ping").isFalse();

            AtomicInteger tries = new AtomicInteger();
            assertThat(outage.decideOrElse(() -> {
                if (tries.incrementAndGet() == 1) {
                    throw starved;
                }
                return "decided by Redis";
            }, () -> "decided by MySQL")).isEqualTo("decided by Redis");
            assertThat(tries).hasValue(2);

            tries.set(0);
            assertThatThrownBy(() -> outage.decideOrElse(() -> {
                tries.incrementAndGet();
                throw starved;
            }, () -> "decided by MySQL"))
                    .isInstanceOfSatisfying(DouyinException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
            assertThat(tries).hasValue(2);
            assertThat(outage.inEffect()).isFalse();
            assertThat(outage.redisOrElse(() -> "from Redis", () -> "from MySQL")).isEqualTo("from Redis");
        }
    }
}
