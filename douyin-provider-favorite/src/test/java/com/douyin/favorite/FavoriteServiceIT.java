package com.douyin.favorite;

import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.api.common.CursorPage;
import com.douyin.api.common.PageCursor;
import com.douyin.api.favorite.FavoriteChange;
import com.douyin.api.favorite.FavoriteService;
import com.douyin.common.testing.ItDatabase;
import com.douyin.common.testing.LocalNacos;
import com.douyin.common.testing.RandomSecret;
import com.douyin.common.testing.RealInfrastructure;
import com.douyin.common.video.VideoAuthors;
import com.douyin.favorite.cache.FavoritedVideos;
import com.douyin.favorite.service.FavoriteQueryService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.ScoredEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The favorite provider against the machine's real MariaDB, Redis and RocketMQ (its own consumer
 * group writes the rows behind). The video provider does not run here: {@link Videos} answers for it.
 */
@ExtendWith(RealInfrastructure.class)
@SpringBootTest(properties = {
        "douyin.nacos.config-enabled=false",
        "douyin.sentinel.enabled=false",
        // A registry for the video provider's reference (not running), without registering this
        // test as a provider of the running system.
        "dubbo.registry.address=nacos://127.0.0.1:8848",
        "dubbo.registry.register=false",
        "dubbo.protocol.port=-1",
        "spring.datasource.url=" + ItDatabase.SERVER_URL + "douyin_it_favorite" + ItDatabase.OPTIONS,
        "spring.datasource.username=" + ItDatabase.USER,
        "spring.datasource.password=" + ItDatabase.PASSWORD,
        "douyin.redis.address=" + ItDatabase.REDIS,
        "douyin.redis.database=1",
        "rocketmq.name-server=127.0.0.1:9876",
        "rocketmq.producer.group=douyin-favorite-change-it",
        "douyin.favorite.write-behind-group=douyin-favorite-write-behind-it", // never takes a running system's events
})
class FavoriteServiceIT {

    static final long VIDEO_AUTHOR = 900;

    /** Every video exists and is VIDEO_AUTHOR's: what the video provider would answer. */
    @TestConfiguration
    static class Videos {
        @Bean
        @Primary // over the provider's own, which would ask the video provider
        VideoAuthors testVideoAuthors() {
            return new EveryVideoByOneAuthor(VIDEO_AUTHOR);
        }
    }

    /** The installation's Dubbo caller key (CallerKey): every service refuses to start without one. */
    @DynamicPropertySource
    static void callerKey(DynamicPropertyRegistry registry) {
        registry.add("douyin.rpc.caller-secret", RandomSecret::next);
        LocalNacos.signInDubboRegistry(registry); // Nacos lets only its accounts subscribe
    }

    @Autowired FavoriteService favorites;
    @Autowired FavoriteQueryService queries;
    @Autowired JdbcTemplate jdbc;
    @Autowired RedissonClient redisson;

    @BeforeAll
    static void freshDatabase() throws Exception {
        ItDatabase.recreate("douyin_it_favorite");
    }

    /** Every page from the first on, following the cursors. */
    private static List<Long> walk(Function<PageCursor, CursorPage<Long>> pageAfter, int count) {
        List<Long> seen = new ArrayList<>();
        PageCursor cursor = null;
        for (int pages = 0; pages < 100; pages++) {
            CursorPage<Long> page = pageAfter.apply(cursor);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(count);
            seen.addAll(page.items());
            cursor = page.next();
            if (cursor == null) {
                break;
            }
        }
        return seen;
    }

    private void await(long expected, String sql, Object... args) throws InterruptedException {
        for (long deadline = System.currentTimeMillis() + 30_000; System.currentTimeMillis() < deadline; Thread.sleep(200)) {
            if (jdbc.queryForObject(sql, Long.class, args) == expected) {
                return;
            }
        }
        assertThat(jdbc.queryForObject(sql, Long.class, args)).isEqualTo(expected);
    }

    @Test
    void aUsersLikesArePagedMostRecentFirstInRedisAndInMysqlAlike() throws Exception {
        long user = 7_001;
        // 250 likes, in batches of 50 that Redis takes in one pipeline: likes of one millisecond are ordered by video ID.
        for (int batch = 0; batch < 5; batch++) {
            List<FavoriteChange> changes = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                changes.add(new FavoriteChange(user, 1_000_000L + (i % 2 == 0 ? i : 1_000_000L * i) + batch * 100L, true));
            }
            favorites.changeAll(changes).join();
        }
        // The order as the set holds it: most recent first, then the highest video ID (as a number).
        List<Long> expected = redisson.<String>getScoredSortedSet(FavoritedVideos.setKey(user), StringCodec.INSTANCE).entryRange(0, -1)
                .stream().filter(e -> !e.getValue().equals("loaded"))
                .sorted(Comparator.comparingDouble(ScoredEntry<String>::getScore)
                        .thenComparingLong(e -> Long.parseLong(e.getValue())).reversed())
                .map(e -> Long.parseLong(e.getValue())).toList();
        assertThat(expected).hasSize(250);

        assertThat(favorites.likedVideos(user)).as("a caller that does not page").containsExactlyElementsOf(expected.subList(0, 100));
        assertThat(walk(cursor -> favorites.likedVideos(user, cursor, 100), 100)).containsExactlyElementsOf(expected);
        assertThat(walk(cursor -> favorites.likedVideos(user, cursor, 7), 7)).containsExactlyElementsOf(expected);

        // An unlike between two pages shifts nothing: the next page goes on after the first one's last.
        CursorPage<Long> first = favorites.likedVideos(user, null, 10);
        favorites.unlike(user, expected.get(3));
        assertThat(favorites.likedVideos(user, first.next(), 10).items()).containsExactlyElementsOf(expected.subList(10, 20));

        await(249, "SELECT COUNT(*) FROM favorite WHERE user_id = ? AND liked = 1", user);
        List<Long> stillLiked = new ArrayList<>(expected);
        stillLiked.remove(3);
        assertThat(walk(cursor -> queries.likedVideosInMysql(user, cursor, 100), 100)).as("the rows, while Redis is out")
                .containsExactlyElementsOf(stillLiked);
        assertThat(queries.likedVideosInMysql(user, first.next(), 10).items()).containsExactlyElementsOf(expected.subList(10, 20));
    }
}
