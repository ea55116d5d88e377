package com.douyin.video.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.douyin.api.event.FavoriteChangedEvent;
import com.douyin.api.video.VideoService;
import com.douyin.common.id.SnowflakeIdGenerator;
import com.douyin.common.testing.ItDatabase;
import com.douyin.common.testing.LocalNacos;
import com.douyin.common.testing.RandomSecret;
import com.douyin.common.testing.RealInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.ByteArrayCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The "for you" feed against the machine's real Redis (the model) and MariaDB. Likes reach the
 * model as the consumer hands them over ({@link RecommendationModel#liked}); the consumer itself is
 * left out, since its group, new to the broker, would start with every like the broker holds.
 */
@ExtendWith(RealInfrastructure.class)
@DirtiesContext
@SpringBootTest(properties = {
        "douyin.nacos.config-enabled=false",
        "douyin.sentinel.enabled=false",
        "seata.enabled=false",
        "dubbo.registry.address=nacos://127.0.0.1:8848",
        "dubbo.registry.register=false",
        "dubbo.protocol.port=-1",
        "spring.datasource.url=" + ItDatabase.SERVER_URL + RecommendedFeedIT.DATABASE + ItDatabase.OPTIONS,
        "spring.datasource.username=" + ItDatabase.USER,
        "spring.datasource.password=" + ItDatabase.PASSWORD,
        "douyin.redis.address=" + ItDatabase.REDIS,
        "douyin.redis.database=" + RecommendedFeedIT.REDIS_DATABASE,
        "rocketmq.name-server=127.0.0.1:9876",
        "rocketmq.producer.group=douyin-video-publish-recommended-it",
        "douyin.video.cover-group=douyin-video-cover-recommended-it", // never takes a running system's events
        "douyin.video.watermark.enabled=false", // no watermark consumer here (WatermarkerTest, the e2e publish test)
        "douyin.video.favorite-count-group=douyin-video-favorite-count-recommended-it",
        "douyin.video.comment-count-group=douyin-video-comment-count-recommended-it",
        "douyin.feed.publish-group=douyin-video-feeds-recommended-it",
        "douyin.recommend.consume-likes=false", // the tests hand the model their likes; no other like reaches it
        "douyin.storage.local-root=target/it-objects",
        "douyin.recommend.fresh-share=0", // rankings only; the fresh share has its own test
        "douyin.recommend.anonymous-ttl=0s",
        "douyin.recommend.shared-ttl=0s", // each test sees the model as it just wrote it
})
class RecommendedFeedIT {

    static final String DATABASE = "douyin_it_recommended";
    static final int REDIS_DATABASE = 9;
    private static final AtomicLong NEXT = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1000);

    @DynamicPropertySource
    static void callerKey(DynamicPropertyRegistry registry) {
        registry.add("douyin.rpc.caller-secret", RandomSecret::next);
        LocalNacos.signInDubboRegistry(registry);
    }

    @BeforeAll
    static void freshDatabase() throws Exception {
        ItDatabase.recreate(DATABASE, REDIS_DATABASE);
    }

    @Autowired VideoService videos;
    @Autowired RecommendationModel model;
    @Autowired RedissonClient redisson;
    @Autowired RecommendedQueues queues;

    @Test
    void nobodyGetsTheMostLikedFirstAndPagesByOffset() {
        redisson.getKeys().flushdb();
        long popular = video("sport", 1);
        long liked = video("sport", 2);
        long unloved = video("game", 3);
        for (int i = 0; i < 5; i++) {
            like(NEXT.incrementAndGet(), popular);
        }
        like(NEXT.incrementAndGet(), liked);
        assertThat(recommended(0, 0, 10)).containsExactly(popular, liked, unloved);
        assertThat(recommended(0, 1, 1)).containsExactly(liked);
        assertThat(recommended(0, 3, 10)).isEmpty();
    }

    @Test
    void aViewersPagesGoOnWithoutRepeatsAndNeverHoldWhatTheyLike() {
        redisson.getKeys().flushdb();
        long viewer = NEXT.incrementAndGet();
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            all.add(video("music", 10 + i));
        }
        for (long id : all.subList(0, 3)) {
            like(viewer, id);
        }
        List<Long> seen = new ArrayList<>();
        for (int page = 0; page < 2; page++) {
            List<Long> ids = recommended(viewer, 0, 10);
            assertThat(ids).hasSize(10);
            seen.addAll(ids);
            // The first page's ranking (22) answered it in the step that stored the rest as the queue.
            assertThat(packed(RecommendedQueues.queueKey(viewer))).hasSize(12 - 10 * page).doesNotContainAnyElementsOf(seen);
            assertThat(packed(RecommendedQueues.shownKey(viewer))).containsExactlyElementsOf(seen);
        }
        seen.addAll(recommended(viewer, 0, 2));
        assertThat(seen).doesNotHaveDuplicates().doesNotContainAnyElementsOf(all.subList(0, 3))
                .containsExactlyInAnyOrderElementsOf(all.subList(3, 25));
        // Everything rankable was shown: the viewer starts over rather than getting nothing.
        assertThat(recommended(viewer, 0, 10)).hasSize(10).doesNotContainAnyElementsOf(all.subList(0, 3));
        assertThat(packed(RecommendedQueues.shownKey(viewer)))
                .as("shown lately: the 22 before forgotten, this page recorded").hasSize(10);
    }

    @Test
    void aTakeThatFindsTheQueueShortReadsWhatTheNextRankingStartsFrom() {
        redisson.getKeys().flushdb();
        long viewer = NEXT.incrementAndGet();
        long first = video("music", 1);
        long second = video("food", 2);
        long third = video("music", 3);
        like(viewer, first);
        like(viewer, second);
        like(viewer, third);
        queues.storeAndTake(viewer, List.of(11L, 12L, 13L), 1, false);

        Ranker.Viewer read = queues.viewer(viewer);
        assertThat(read.latestLikes()).containsExactlyInAnyOrder(first, second, third);
        assertThat(read.shown()).containsExactly(11L);
        assertThat(packed(RecommendedQueues.queueKey(viewer))).as("reading the viewer takes nothing").containsExactly(12L, 13L);

        RecommendedQueues.Taken enough = queues.take(viewer, 1);
        assertThat(enough.ids()).containsExactly(12L);
        assertThat(enough.viewer()).as("the queue held enough: nothing more read").isNull();

        RecommendedQueues.Taken short_ = queues.take(viewer, 5);
        assertThat(short_.ids()).containsExactly(13L);
        assertThat(short_.viewer().latestLikes()).containsExactlyInAnyOrder(first, second, third);
        assertThat(short_.viewer().topicLikes()).containsOnly(entry("music", 2L), entry("food", 1L));
        assertThat(short_.viewer().shown()).containsExactlyInAnyOrder(11L, 12L, 13L);
    }

    @Test
    void viewersWhoLikedThisAlsoLikedThatAndALikeRanksTheQueueAgain() {
        redisson.getKeys().flushdb();
        long seed = video("food", 40);
        long alsoLiked = video("food", 41);
        List<Long> others = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            others.add(video("food", 42 + i));
        }
        for (long other : others) {
            for (int fan = 0; fan < 3; fan++) {
                like(NEXT.incrementAndGet(), other); // more liked than alsoLiked, by other people
            }
        }
        for (int i = 0; i < 2; i++) {
            long fan = NEXT.incrementAndGet();
            like(fan, seed);
            like(fan, alsoLiked);
        }
        long viewer = NEXT.incrementAndGet();
        assertThat(recommended(viewer, 0, 3)).doesNotContain(alsoLiked); // nothing known of them yet
        assertThat(redisson.getKeys().countExists(RecommendedQueues.queueKey(viewer))).isOne();

        like(viewer, seed);
        assertThat(redisson.getKeys().countExists(RecommendedQueues.queueKey(viewer))).as("the like dropped the queue").isZero();
        assertThat(recommended(viewer, 0, 3)).first().isEqualTo(alsoLiked);
    }

    @Test
    void everyFifthPlaceGoesToTheNewestVideoWithAFreshShareOfAFifth() {
        redisson.getKeys().flushdb();
        List<Long> liked = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            long id = video("pets", 100 + i); // older, and liked
            liked.add(id);
            like(NEXT.incrementAndGet(), id);
        }
        long newest = video("pets", 1);
        Ranker fresh = new Ranker(redisson, new SharedLists(redisson, Duration.ZERO, 1000), Duration.ofDays(3), 0.2);
        List<Long> ranked = fresh.rank(fresh.nobody(), 9).ids();
        assertThat(ranked.get(4)).isEqualTo(newest);
        assertThat(new HashSet<>(ranked)).containsAll(liked);
    }

    private List<Long> recommended(long viewer, int offset, int count) {
        return videos.recommended(viewer, offset, count).join();
    }

    /** A published video, {@code hoursAgo} old, as the publish consumer hands it to the model. */
    private long video(String topic, int hoursAgo) {
        long publishedAt = System.currentTimeMillis() - hoursAgo * 3_600_000L;
        long id = ((publishedAt - SnowflakeIdGenerator.EPOCH_MS) << 13) | (NEXT.incrementAndGet() & 0x1FFF);
        model.published(List.of(new RecommendationModel.Published(id, publishedAt, topic)));
        return id;
    }

    /** The video IDs of a viewer's queue or shown list, in order. */
    private List<Long> packed(String key) {
        return RecommendedQueues.unpack(redisson.<byte[]>getBucket(key, ByteArrayCodec.INSTANCE).get());
    }

    private void like(long user, long video) {
        model.liked(List.of(new FavoriteChangedEvent(user, video, 1, +1, System.currentTimeMillis() * 1000 + NEXT.incrementAndGet() % 1000)));
    }
}
