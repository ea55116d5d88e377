package com.douyin.video.following;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.reset;

import com.douyin.api.common.PageCursor;
import com.douyin.api.video.VideoDTO;
import com.douyin.api.video.VideoService;
import com.douyin.common.redis.RedisOutage;
import com.douyin.common.testing.ItDatabase;
import com.douyin.common.testing.LocalNacos;
import com.douyin.common.testing.RandomSecret;
import com.douyin.common.testing.RealInfrastructure;
import com.douyin.video.cache.VideoIdBloomFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The following feed against the machine's real MariaDB, Redis and RocketMQ: publishes go through
 * the broker to the inbox consumer. Who follows whom is the relation provider's; here a map
 * ({@link Follows}) answers for it. Authors with 3 followers or more are pulled.
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
        "spring.datasource.url=" + ItDatabase.SERVER_URL + FollowingFeedIT.DATABASE + ItDatabase.OPTIONS,
        "spring.datasource.username=" + ItDatabase.USER,
        "spring.datasource.password=" + ItDatabase.PASSWORD,
        "douyin.redis.address=" + ItDatabase.REDIS,
        "douyin.redis.database=" + FollowingFeedIT.REDIS_DATABASE,
        "rocketmq.name-server=127.0.0.1:9876",
        "rocketmq.producer.group=douyin-video-publish-following-it",
        "douyin.video.cover-group=douyin-video-cover-following-it", // never takes a running system's events
        "douyin.video.watermark.enabled=false", // no watermark consumer here (WatermarkerTest, the e2e publish test)
        "douyin.video.favorite-count-group=douyin-video-favorite-count-following-it",
        "douyin.video.comment-count-group=douyin-video-comment-count-following-it",
        "douyin.feed.publish-group=douyin-video-feeds-following-it",
        "douyin.recommend.like-group=douyin-video-recommend-following-it",
        "douyin.storage.local-root=target/it-objects",
        "douyin.feed.push-threshold=3",
        "douyin.feed.inbox-size=40",
        "douyin.feed.follow-settle=0s", // what the inbox holds is all there is, once read
})
class FollowingFeedIT {

    static final String DATABASE = "douyin_it_following";
    static final int REDIS_DATABASE = 7;
    /** Users of this run: the broker may still hold earlier runs' publishes. */
    private static final AtomicLong NEXT_USER = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1000);

    @DynamicPropertySource
    static void callerKey(DynamicPropertyRegistry registry) {
        registry.add("douyin.rpc.caller-secret", RandomSecret::next);
        LocalNacos.signInDubboRegistry(registry);
    }

    @BeforeAll
    static void freshDatabase() throws Exception {
        ItDatabase.recreate(DATABASE, REDIS_DATABASE);
    }

    /** Who follows whom, since when: the relation provider's answers. */
    static class Follows implements FollowGraph {
        final Map<Long, Map<Long, Long>> following = new ConcurrentHashMap<>();

        void follow(long viewer, long author) {
            following.computeIfAbsent(viewer, v -> new ConcurrentHashMap<>()).put(author, System.currentTimeMillis());
        }

        void unfollow(long viewer, long author) {
            following.getOrDefault(viewer, Map.of()).remove(author);
        }

        @Override
        public Map<Long, Long> followingSince(long viewerId) {
            return Map.copyOf(following.getOrDefault(viewerId, Map.of()));
        }

        @Override
        public List<Long> followers(long authorId, int limit) {
            return following.entrySet().stream().filter(e -> e.getValue().containsKey(authorId)).map(Map.Entry::getKey)
                    .limit(limit).toList();
        }
    }

    @TestConfiguration
    static class Graph {
        @Bean
        @Primary
        Follows follows() {
            return new Follows();
        }
    }

    @Autowired VideoService videos;
    @Autowired Follows follows;
    @Autowired RedissonClient redisson;
    @Autowired JdbcTemplate jdbc;
    @Autowired VideoIdBloomFilter bloom;
    @Autowired PulledAuthors pulledAuthors;
    @MockitoSpyBean RedisOutage outage;

    @Test
    void anAccountThatFollowsNobodyGetsAnEmptyList() {
        assertThat(feed(user(), null)).isEmpty();
    }

    @Test
    void aFollowShowsTheAuthorsEarlierVideosAtOnceAndAnUnfollowHidesThemAtOnce() {
        long viewer = user();
        long author = user();
        long other = user();
        long newer = stored(author, 1_000);
        long older = stored(author, 2_000);
        long theirs = stored(other, 1_500);
        follows.follow(viewer, other);
        assertThat(ids(feed(viewer, null))).containsExactly(theirs);

        follows.follow(viewer, author);
        assertThat(ids(feed(viewer, null))).containsExactly(newer, theirs, older);
        assertThat(inbox(viewer)).contains(newer + ":" + author, older + ":" + author); // filled in by the read

        follows.unfollow(viewer, author);
        assertThat(ids(feed(viewer, null))).containsExactly(theirs);
        follows.unfollow(viewer, other);
        assertThat(feed(viewer, null)).isEmpty();
    }

    @Test
    void anOrdinaryAuthorsPublishIsPushedIntoTheInboxesOfFollowersWhoReadTheirFeed() throws Exception {
        long author = user();
        long reader = user();
        long notReading = user();
        follows.follow(reader, author);
        follows.follow(notReading, author);
        assertThat(feed(reader, null)).isEmpty(); // the reader's inbox now holds the author

        VideoDTO published = videos.publish(author, "videos/" + author + "/pushed.mp4", "pushed", "");
        String member = published.id() + ":" + author;
        awaitTrue(() -> inbox(reader).contains(member));
        assertThat(ids(feed(reader, null))).containsExactly(published.id());
        assertThat(pulledAuthors.contains(author)).isFalse();
        assertThat(redisson.getKeys().countExists("feed:inbox:{" + notReading + "}")).isZero(); // no inbox, nothing kept for them
        assertThat(ids(feed(notReading, null))).containsExactly(published.id()); // their first read fills it
    }

    @Test
    void anAuthorWithManyFollowersIsPulledAndStillShowsInEachFeed() throws Exception {
        long star = user();
        List<Long> fans = List.of(user(), user(), user());
        for (long fan : fans) {
            follows.follow(fan, star);
            assertThat(feed(fan, null)).isEmpty();
        }
        VideoDTO published = videos.publish(star, "videos/" + star + "/star.mp4", "star", "");
        awaitTrue(() -> pulledAuthors.contains(star));
        for (long fan : fans) {
            assertThat(inbox(fan)).doesNotContain(published.id() + ":" + star);
            assertThat(ids(feed(fan, null))).containsExactly(published.id());
        }
    }

    @Test
    void pagesFollowOneAnotherWithoutRepeatsAndTheFeedReachesBackAsFarAsTheInboxHolds() {
        long viewer = user();
        long prolific = user();
        long star = user();
        pulledAuthors.add(star);
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            expected.add(stored(prolific, 10_000 + i * 10L));
        }
        for (int i = 0; i < 10; i++) { // six in one millisecond with an ordinary author's, one older than the horizon
            expected.add(stored(star, i < 6 ? 10_200 : i == 9 ? 10_400 : 10_000 + i * 7L));
        }
        follows.follow(viewer, prolific);
        follows.follow(viewer, star);

        List<Long> seen = new ArrayList<>();
        List<VideoDTO> page = feed(viewer, null);
        while (!page.isEmpty()) {
            assertThat(page.size()).isLessThanOrEqualTo(30);
            page.forEach(video -> seen.add(video.id()));
            VideoDTO oldest = page.get(page.size() - 1);
            page = feed(viewer, new PageCursor(oldest.publishedAt(), oldest.id()));
        }
        // The inbox keeps the 40 newest of the prolific author's: the feed ends at the oldest of them.
        List<VideoDTO> all = videos.getVideos(expected);
        long horizon = all.stream().filter(v -> v.authorId() == prolific).mapToLong(VideoDTO::publishedAt).sorted().skip(5).findFirst().orElseThrow();
        List<Long> newestFirst = all.stream().filter(v -> v.publishedAt() >= horizon)
                .sorted((a, b) -> a.publishedAt() != b.publishedAt() ? Long.compare(b.publishedAt(), a.publishedAt()) : Long.compare(b.id(), a.id()))
                .map(VideoDTO::id).toList();
        assertThat(seen).containsExactlyElementsOf(newestFirst);
        assertThat(seen).hasSize(40 + 9); // the star's video before the horizon is left out too
    }

    @Test
    void withRedisOutEveryFollowedAuthorIsReadFromMysqlInTheSameOrder() {
        long viewer = user();
        long author = user();
        long star = user();
        pulledAuthors.add(star);
        List<Long> newestFirst = List.of(stored(author, 5_000), stored(star, 5_001), stored(author, 5_002));
        follows.follow(viewer, author);
        follows.follow(viewer, star);
        List<Long> withRedis = ids(feed(viewer, null));
        doReturn(true).when(outage).inEffect();
        try {
            assertThat(ids(feed(viewer, null))).isEqualTo(withRedis).isEqualTo(newestFirst);
        } finally {
            reset(outage);
        }
    }

    private List<VideoDTO> feed(long viewer, PageCursor cursor) {
        return videos.followingFeed(viewer, cursor, 1, 30);
    }

    /** A video row published {@code msAgo} before now (as the broker's path would store it), known to the bloom filter. */
    private long stored(long author, long msAgo) {
        long id = NEXT_USER.incrementAndGet() * 1000 + 7;
        jdbc.update("INSERT INTO video (id, author_id, title, play_key, published_at) VALUES (?, ?, ?, ?, ?)",
                id, author, "video " + id, "videos/" + author + "/" + id + ".mp4", 1_780_000_000_000L - msAgo);
        bloom.add(id);
        return id;
    }

    private static long user() {
        return NEXT_USER.incrementAndGet();
    }

    private List<String> inbox(long viewer) {
        return new ArrayList<>(redisson.<String>getScoredSortedSet("feed:inbox:{" + viewer + "}", StringCodec.INSTANCE).readAll());
    }

    private static List<Long> ids(List<VideoDTO> videos) {
        return videos.stream().map(VideoDTO::id).toList();
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (long deadline = System.currentTimeMillis() + 30_000; !condition.getAsBoolean(); ) {
            assertThat(System.currentTimeMillis()).as("in time").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
