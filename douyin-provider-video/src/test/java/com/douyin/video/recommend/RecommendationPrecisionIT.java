package com.douyin.video.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * The "for you" ranking on a synthetic population with planted tastes (5 topics, 2,000 users,
 * 20,000 videos, 40 likes each, 80 % in the user's topic), replayed into the model on the machine's
 * Redis: its precision@10 must clearly beat the most-liked videos'. bench/recommend.sh prints the
 * same figures.
 */
class RecommendationPrecisionIT {

    /** Its own Redis database: the replay empties it. */
    static final int REDIS_DATABASE = 8;
    private static RedissonClient redis;

    @BeforeAll
    static void connect() {
        Config config = new Config();
        config.useSingleServer().setAddress(System.getenv().getOrDefault("DOUYIN_IT_REDIS_URL", "redis://127.0.0.1:6379"))
                .setDatabase(REDIS_DATABASE);
        redis = Redisson.create(config);
    }

    @AfterAll
    static void disconnect() {
        redis.getKeys().flushdb();
        redis.shutdown();
    }

    @Test
    void theRankingOfAPopulationWithPlantedTastesBeatsPopularityAlone() {
        PlantedTastes population = new PlantedTastes(5, 2_000, 20_000, 40, 0.8, 42);
        PlantedTastes.Figures figures = PlantedTastes.measure(redis, population, 0.1) /* as shipped */;
        System.out.println(figures);
        assertThat(figures.recommended()).isGreaterThan(2 * figures.popularity());
    }
}
