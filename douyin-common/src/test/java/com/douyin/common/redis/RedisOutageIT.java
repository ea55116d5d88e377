package com.douyin.common.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.common.testing.ItDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisConnectionException;
import org.redisson.config.Config;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The outage switch against the machine's real MySQL and Redis (database 1); the outage itself is declared. */
class RedisOutageIT {

    private static RedissonClient redisson;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void connect() throws Exception {
        ItDatabase.recreate("douyin_it_outage");
        jdbc = new JdbcTemplate(new DriverManagerDataSource(ItDatabase.jdbcUrl("douyin_it_outage"), ItDatabase.user(), ItDatabase.password()));
        Config config = new Config();
        config.useSingleServer().setAddress(System.getenv().getOrDefault("DOUYIN_IT_REDIS_URL", "redis://127.0.0.1:6379"))
                .setDatabase(ItDatabase.REDIS_DATABASE);
        redisson = Redisson.create(config);
    }

    @AfterAll
    static void disconnect() {
        redisson.shutdown();
    }

    @Test
    void duringAnOutageCallsGoToMysqlAndItEndsOnlyWhenTheStaleKeysAreGoneFromRedis() {
        try (RedisOutage outage = new RedisOutage(redisson, jdbc, Duration.ofHours(1))) {
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

            outage.sweep(); // what the sweeper does every second; Redis answers (the outage was only declared)

            assertThat(outage.inEffect()).isFalse();
            assertThat(redisson.getBucket("outage-it:stale").isExists()).isFalse();
            assertThat(redisson.getBucket("outage-it:kept").get()).isEqualTo("still good");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cache_stale_key", Long.class)).isZero();
            assertThat(outage.redisOrElse(() -> "from Redis", () -> "from MySQL")).isEqualTo("from Redis");
        }
    }
}
