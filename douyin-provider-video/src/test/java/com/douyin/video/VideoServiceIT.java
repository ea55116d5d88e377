package com.douyin.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.douyin.api.common.CursorPage;
import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.common.PageCursor;
import com.douyin.api.video.VideoDTO;
import com.douyin.api.video.VideoService;
import com.douyin.common.storage.ObjectStore;
import com.douyin.common.testing.ItDatabase;
import com.douyin.common.testing.LocalNacos;
import com.douyin.common.testing.RandomSecret;
import com.douyin.common.testing.RealInfrastructure;
import com.douyin.common.testing.SampleVideo;
import com.douyin.video.cache.AuthorVideoIds;
import com.douyin.video.cache.VideoIdBloomFilter;
import com.douyin.video.cover.CoverService;
import com.douyin.video.dao.VideoKey;
import com.douyin.video.dao.VideoMapper;
import com.douyin.video.service.UnpublishedUploadSweeper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The video provider against the machine's real MariaDB and Redis. */
@ExtendWith(RealInfrastructure.class)
@SpringBootTest(properties = {
        "douyin.nacos.config-enabled=false",
        "douyin.sentinel.enabled=false",
        "seata.enabled=false", // the Seata path is exercised end to end (PublishWithoutBrokerEndToEndIT)
        // A registry for the user provider's reference (only the broker's path is taken here),
        // without registering this test as a provider of the running system.
        "dubbo.registry.address=nacos://127.0.0.1:8848",
        "dubbo.registry.register=false",
        "dubbo.protocol.port=-1",
        "spring.datasource.url=" + ItDatabase.SERVER_URL + "douyin_it_video" + ItDatabase.OPTIONS,
        "spring.datasource.username=" + ItDatabase.USER,
        "spring.datasource.password=" + ItDatabase.PASSWORD,
        "douyin.redis.address=" + ItDatabase.REDIS,
        "douyin.redis.database=1",
        "rocketmq.name-server=127.0.0.1:9876",
        "rocketmq.producer.group=douyin-video-publish-it",
        "douyin.video.cover-group=douyin-video-cover-it", // never takes a running system's events
        "douyin.video.watermark.enabled=false", // no watermark consumer here (WatermarkerTest, the e2e publish test)
        "douyin.video.favorite-count-group=douyin-video-favorite-count-it",
        "douyin.video.comment-count-group=douyin-video-comment-count-it",
        "douyin.feed.publish-group=douyin-video-feeds-it",
        "douyin.recommend.like-group=douyin-video-recommend-it",
        "douyin.storage.local-root=target/it-objects",
        "douyin.video.topics=sport,game,music",
        "douyin.upload.sweep-every=1h", // the upload tests sweep themselves
})
class VideoServiceIT {

    /** The installation's Dubbo caller key (CallerKey): every service refuses to start without one. */
    @DynamicPropertySource
    static void callerKey(DynamicPropertyRegistry registry) {
        registry.add("douyin.rpc.caller-secret", RandomSecret::next);
        LocalNacos.signInDubboRegistry(registry); // Nacos lets only its accounts subscribe
    }

    @Autowired VideoService videos;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectStore store;
    @Autowired CoverService covers;
    @Autowired RedissonClient redisson;
    @Autowired AuthorVideoIds authorLists;
    @Autowired VideoMapper videoMapper;
    @Autowired VideoIdBloomFilter bloom;
    @Autowired UnpublishedUploadSweeper sweeper;

    @BeforeAll
    static void freshDatabase() throws Exception {
        ItDatabase.recreate("douyin_it_video");
    }

    @Test
    void publishedVideoIsStoredWithATrimmedTitleAndShowsInTheAuthorsList() {
        VideoDTO video = videos.publish(7L, "videos/7/a.mp4", "  First dance  ", "");
        assertThat(video.id()).isPositive().isLessThan(1L << 53);
        assertThat(jdbc.queryForObject("SELECT title FROM video WHERE id = ?", String.class, video.id()))
                .isEqualTo("First dance");
        assertThat(videos.listByAuthor(7L, 7L)).extracting(VideoDTO::id).containsExactly(video.id());
        assertThat(videos.getVideos(List.of(video.id(), 123L))).extracting(VideoDTO::title).containsExactly("First dance");
    }

    @Test
    void aPublishedVideoGetsAJpegCoverFromItsOwnFrames() throws Exception {
        byte[] mp4 = SampleVideo.mp4();
        store.put("videos/21/cover-test.mp4", new ByteArrayInputStream(mp4), mp4.length, "video/mp4");
        VideoDTO video = videos.publish(21L, "videos/21/cover-test.mp4", "cover please", "");
        assertThat(video.coverKey()).isEmpty(); // the publish does not wait for the cover
        videos.getVideos(List.of(video.id())); // now cached without a cover

        // The cover consumer works from the real broker's video-published message.
        String coverKey = "";
        for (long deadline = System.currentTimeMillis() + 30_000; coverKey.isEmpty() && System.currentTimeMillis() < deadline; ) {
            coverKey = jdbc.queryForObject("SELECT cover_key FROM video WHERE id = ?", String.class, video.id());
            if (coverKey.isEmpty()) Thread.sleep(200);
        }
        assertThat(coverKey).isEqualTo("covers/21/" + video.id() + ".jpg");
        try (InputStream jpeg = store.get(coverKey)) {
            BufferedImage image = ImageIO.read(jpeg);
            assertThat(image.getWidth()).isEqualTo(64);
            assertThat(image.getHeight()).isEqualTo(64);
        }
        assertThat(videos.getVideos(List.of(video.id())).get(0).coverKey()).isEqualTo(coverKey);
    }

    @Test
    void aSecondReadIsServedFromTheCacheInOneRoundTripPerPage() {
        VideoDTO video = videos.publish(23L, "videos/23/c.mp4", "cached title", "");
        assertThat(videos.getVideos(List.of(video.id()))).extracting(VideoDTO::title).containsExactly("cached title");
        assertThat(redisson.getBucket("video:info:" + video.id()).isExists()).isTrue();

        jdbc.update("UPDATE video SET title = 'changed in MySQL', comment_count = 5 WHERE id = ?", video.id());
        VideoDTO cached = videos.listByAuthor(23L, 23L).get(0);
        assertThat(cached.title()).isEqualTo("cached title");
        assertThat(cached.commentCount()).isZero();

        redisson.getKeys().delete("video:info:" + video.id());
        VideoDTO rebuilt = videos.getVideos(List.of(video.id())).get(0);
        assertThat(rebuilt.title()).isEqualTo("changed in MySQL");
        assertThat(rebuilt.commentCount()).as("the live counters hash, not MySQL").isZero();

        redisson.getKeys().delete("video:info:" + video.id(), "video:counters:" + video.id());
        assertThat(videos.getVideos(List.of(video.id())).get(0).commentCount()).isEqualTo(5);
    }

    @Test
    void anUndecodableFileKeepsThePlaceholderCover() throws Exception {
        byte[] text = "not a video at all".getBytes(StandardCharsets.UTF_8);
        store.put("videos/22/broken.mp4", new ByteArrayInputStream(text), text.length, "video/mp4");
        VideoDTO video = videos.publish(22L, "videos/22/broken.mp4", "broken", "");
        assertThat(covers.makeCover(video.id())).isNull();
        assertThat(jdbc.queryForObject("SELECT cover_key FROM video WHERE id = ?", String.class, video.id())).isEmpty();
    }

    @Test
    void aFileWhoseAttemptsNeverEndedIsNotDecodedAgain() throws Exception {
        byte[] mp4 = SampleVideo.mp4();
        store.put("videos/23/crashed.mp4", new ByteArrayInputStream(mp4), mp4.length, "video/mp4");
        VideoDTO video = videos.publish(23L, "videos/23/crashed.mp4", "crashed twice", "");
        // As if the decoder had taken the provider down on this file three times already:
        redisson.getAtomicLong(CoverService.attemptsKey(video.id())).set(CoverService.MAX_ATTEMPTS);
        assertThat(covers.makeCover(video.id())).isNull();
        assertThat(jdbc.queryForObject("SELECT cover_key FROM video WHERE id = ?", String.class, video.id())).isEmpty();

        // An attempt that ends, whatever its outcome, is not counted against the file.
        store.put("videos/23/fine.mp4", new ByteArrayInputStream(mp4), mp4.length, "video/mp4");
        VideoDTO other = videos.publish(23L, "videos/23/fine.mp4", "fine", "");
        assertThat(covers.makeCover(other.id())).isNotNull();
        assertThat(redisson.getAtomicLong(CoverService.attemptsKey(other.id())).isExists()).isFalse();
    }

    @Test
    void sensitiveWordsInTitlesAreMaskedBeforeTheyAreStored() {
        VideoDTO video = videos.publish(17L, "videos/17/s.mp4", "fuck this dance", "");
        String stored = jdbc.queryForObject("SELECT title FROM video WHERE id = ?", String.class, video.id());
        assertThat(stored).isEqualTo(video.title()).doesNotContain("fuck").contains("****").endsWith(" this dance");
    }

    @Test
    void aRetriedPublishOfTheSameFileReturnsTheFirstVideoAndCountsOnce() {
        VideoDTO first = videos.publish(44L, "videos/44/retry.mp4", "retried", "");
        VideoDTO again = videos.publish(44L, "videos/44/retry.mp4", "retried", "");
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM video WHERE author_id = 44", Long.class)).isEqualTo(1);
        assertThatThrownBy(() -> videos.publish(45L, "videos/44/retry.mp4", "not mine", ""))
                .satisfies(e -> assertThat(((DouyinException) e).errorCode()).isEqualTo(ErrorCode.BAD_REQUEST));
    }

    @Test
    void anAuthorsListIsASortedSetInRedisThatAPublishRefreshes() {
        VideoDTO first = videos.publish(41L, "videos/41/a.mp4", "first", "");
        assertThat(videos.listByAuthor(41L, 41L)).extracting(VideoDTO::id).containsExactly(first.id());
        assertThat(redisson.getScoredSortedSet("video:author:{41}", StringCodec.INSTANCE).contains(String.valueOf(first.id()))).isTrue();

        VideoDTO second = videos.publish(41L, "videos/41/b.mp4", "second", "");
        assertThat(videos.listByAuthor(41L, 41L)).extracting(VideoDTO::id).containsExactly(second.id(), first.id());
        assertThat(videos.listByAuthor(40L, 40L)).isEmpty(); // an author with no videos is cached too
        assertThat(redisson.getScoredSortedSet("video:author:{40}").isExists()).isTrue();
    }

    @Test
    void aListRebuiltWhileTheAuthorPublishesIsNotCachedStale() {
        VideoDTO first = videos.publish(42L, "videos/42/a.mp4", "first", "");
        // The rebuild reads MySQL, then a publish lands before it stores what it read.
        List<Long> rebuilt = authorLists.page(42L, null, 100, () -> {
            List<VideoKey> before = videoMapper.findKeysByAuthor(42L);
            videos.publish(42L, "videos/42/b.mp4", "second", "");
            return before;
        }, List::of).items(); // Redis is up: never the uncached read
        assertThat(rebuilt).containsExactly(first.id());
        assertThat(videos.listByAuthor(42L, 42L)).hasSize(2);
    }

    @Test
    void unknownVideoIdsStopAtTheBloomFilterUntilItIsRebuilt() {
        VideoDTO known = videos.publish(43L, "videos/43/a.mp4", "known", "");
        bloom.maintain(); // complete
        long sneaked = known.id() + 1; // a row the filter never heard of, written behind the provider's back
        jdbc.update("INSERT INTO video (id, author_id, title, play_key, published_at) VALUES (?, 43, 'sneaked', 'k', 1)", sneaked);

        assertThat(videos.getVideos(List.of(known.id(), sneaked))).extracting(VideoDTO::id).containsExactly(known.id());

        redisson.getKeys().delete("video:ids:bloom:complete"); // as if Redis lost it
        bloom.maintain();
        assertThat(videos.getVideos(List.of(sneaked))).extracting(VideoDTO::title).containsExactly("sneaked");
    }

    @Test
    void theAssistantsKeywordsFindTheVideoGiveItATopicAndAnAbusiveTitleIsMasked() {
        VideoDTO video = videos.publish(33L, "videos/33/k.mp4", "我的假期", ""); // no topic
        VideoDTO sporty = videos.publish(33L, "videos/33/s.mp4", "game night", "game");
        assertThat(videos.search("giraffe", 30)).isEmpty();

        assertThat(videos.describe(video.id(), List.of(" giraffe ", "sport", "giraffe", "熊猫, 动物园"), false)).isTrue();
        // (as if the publish event had not been consumed yet: a topic the video has must not be replaced then either)
        redisson.<String, String>getMap("rec:video-topic", StringCodec.INSTANCE).fastRemove(String.valueOf(sporty.id()));
        assertThat(videos.describe(sporty.id(), List.of("music"), false)).isTrue();
        assertThat(videos.describe(123L, List.of("x"), false)).isFalse();

        assertThat(jdbc.queryForObject("SELECT keywords FROM video WHERE id = ?", String.class, video.id()))
                .isEqualTo("giraffe,sport,熊猫 动物园");
        assertThat(videos.search("giraffe", 30)).extracting(VideoDTO::id).containsExactly(video.id());
        assertThat(videos.search("动物园", 30)).extracting(VideoDTO::id).containsExactly(video.id());
        assertThat(videos.search("假期", 30)).extracting(VideoDTO::id).contains(video.id()); // the title's words stay
        // The first keyword naming a configured topic is the recommended model's topic of a video without one.
        assertThat(redisson.<String, String>getMap("rec:video-topic", StringCodec.INSTANCE).get(String.valueOf(video.id()))).isEqualTo("sport");
        // A video published with a topic keeps it (the publish event records it there).
        assertThat(redisson.<String, String>getMap("rec:video-topic", StringCodec.INSTANCE).get(String.valueOf(sporty.id()))).isNotEqualTo("music");
        assertThat(jdbc.queryForObject("SELECT topic FROM video WHERE id = ?", String.class, video.id())).isEmpty(); // the author's choice

        videos.getVideos(List.of(sporty.id())); // cached with its title
        assertThat(videos.describe(sporty.id(), List.of("music"), true)).isTrue();
        assertThat(videos.getVideos(List.of(sporty.id()))).extracting(VideoDTO::title).containsExactly("**********");
        assertThat(videos.search("night", 30)).extracting(VideoDTO::id).doesNotContain(sporty.id());
        assertThat(videos.search("music", 30)).extracting(VideoDTO::id).contains(sporty.id());
    }

    @Test
    void searchFindsChineseAndEnglishWordsOfTitlesBestMatchFirst() {
        VideoDTO basketball = videos.publish(31L, "videos/31/a.mp4", "周末的篮球比赛", "");
        VideoDTO both = videos.publish(31L, "videos/31/b.mp4", "篮球 and funny cats", "");
        VideoDTO cats = videos.publish(32L, "videos/32/c.mp4", "Funny Cats compilation", "");
        videos.publish(32L, "videos/32/d.mp4", "一只小狗", "");

        assertThat(videos.search("篮球", 30)).extracting(VideoDTO::id).containsExactlyInAnyOrder(basketball.id(), both.id());
        assertThat(videos.search("比赛", 30)).extracting(VideoDTO::id).containsExactly(basketball.id());
        assertThat(videos.search("篮", 30)).extracting(VideoDTO::id).contains(basketball.id(), both.id()); // a prefix of a word
        assertThat(videos.search("CAT", 30)).extracting(VideoDTO::id).containsExactlyInAnyOrder(both.id(), cats.id());
        // Both words match only one title: it ranks first.
        assertThat(videos.search("篮球 猫 cats", 30)).extracting(VideoDTO::id).first().isEqualTo(both.id());
        assertThat(videos.search("长颈鹿", 30)).isEmpty();
        assertThat(videos.search("!!!", 30)).isEmpty();
        assertThatThrownBy(() -> videos.search("  ", 30))
                .satisfies(e -> assertThat(((DouyinException) e).errorCode()).isEqualTo(ErrorCode.KEYWORD_INVALID));
    }

    @Test
    void blankOrOverlongTitlesAreRefusedAndNothingIsStored() {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM video", Long.class);
        for (String title : new String[] {"   ", "x".repeat(101)}) {
            assertThatThrownBy(() -> videos.publish(8L, "videos/8/b.mp4", title, ""))
                    .satisfies(e -> assertThat(((DouyinException) e).errorCode()).isEqualTo(ErrorCode.TITLE_INVALID));
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM video", Long.class)).isEqualTo(before);
    }

    @Test
    void pagingTheFeedOver100VideosHasNoDuplicatesAndNoGaps() {
        List<Long> published = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            published.add(videos.publish(9L, "videos/9/" + i + ".mp4", "video " + i, "").id());
        }
        // The app sends next_time back in milliseconds; many of these share a millisecond.
        assertThat(walkFeed("", 1L, published)).doesNotHaveDuplicates().hasSize(100);

        // A client that uses seconds: spread the videos three to a second, so pages must not
        // end inside a second.
        long base = System.currentTimeMillis() + 3_600_000L;
        for (int i = 0; i < published.size(); i++) {
            jdbc.update("UPDATE video SET published_at = ? WHERE id = ?", base - (i / 3) * 1000L - (i % 3), published.get(i));
            redisson.getKeys().delete("video:info:" + published.get(i)); // publish times never change outside tests
        }
        assertThat(walkFeed("", 1000L, published)).doesNotHaveDuplicates().hasSize(100);
    }

    @Test
    void aVideoPublishedUnderATopicIsStoredWithItAndOnlyThatTopicsFeedAndTheWholeFeedShowIt() {
        VideoDTO sport = videos.publish(51L, "videos/51/a.mp4", "goal", " Sport ");
        VideoDTO music = videos.publish(51L, "videos/51/b.mp4", "song", "music");
        VideoDTO none = videos.publish(51L, "videos/51/c.mp4", "nothing in particular", null);
        assertThat(sport.topic()).isEqualTo("sport");
        assertThat(jdbc.queryForObject("SELECT topic FROM video WHERE id = ?", String.class, sport.id())).isEqualTo("sport");
        assertThat(jdbc.queryForObject("SELECT topic FROM video WHERE id = ?", String.class, none.id())).isEmpty();

        long now = System.currentTimeMillis() + 1_000;
        assertThat(videos.feed("sport", now, 1, 30)).extracting(VideoDTO::id).contains(sport.id())
                .doesNotContain(music.id(), none.id());
        assertThat(videos.feed("sport", now, 1, 30)).extracting(VideoDTO::topic).containsOnly("sport");
        assertThat(videos.feed("MUSIC", now, 1, 30)).extracting(VideoDTO::id).contains(music.id()).doesNotContain(sport.id());
        assertThat(videos.feed("", now, 1, 30)).extracting(VideoDTO::id).contains(sport.id(), music.id(), none.id());
        assertThat(videos.getVideos(List.of(sport.id()))).extracting(VideoDTO::topic).containsExactly("sport"); // cached with it
    }

    @Test
    void anUnknownTopicIsRefusedOnPublishAndOnTheFeedAndNothingIsStored() {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM video", Long.class);
        for (String topic : new String[] {"cooking", "sport!", "x".repeat(40)}) {
            assertThatThrownBy(() -> videos.publish(52L, "videos/52/a.mp4", "title", topic))
                    .satisfies(e -> assertThat(((DouyinException) e).errorCode()).isEqualTo(ErrorCode.TOPIC_UNKNOWN))
                    .hasMessageContaining("sport, game, music");
            assertThatThrownBy(() -> videos.feed(topic, System.currentTimeMillis(), 1, 30))
                    .satisfies(e -> assertThat(((DouyinException) e).errorCode()).isEqualTo(ErrorCode.TOPIC_UNKNOWN));
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM video", Long.class)).isEqualTo(before);
    }

    @Test
    void pagingATopicsFeedInSecondsHasNoDuplicatesAndNoGaps() {
        List<Long> games = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            games.add(videos.publish(53L, "videos/53/g" + i + ".mp4", "game " + i, "game").id());
            videos.publish(53L, "videos/53/s" + i + ".mp4", "sport " + i, "sport"); // interleaved, never in the game feed
        }
        long base = System.currentTimeMillis() + 3_600_000L;
        for (int i = 0; i < games.size(); i++) { // three to a second: pages must not end inside a second
            jdbc.update("UPDATE video SET published_at = ? WHERE id = ?", base - (i / 3) * 1000L - (i % 3), games.get(i));
            redisson.getKeys().delete("video:info:" + games.get(i));
        }
        List<Long> seen = walkFeed("game", 1000L, games);
        assertThat(seen).doesNotHaveDuplicates().hasSize(70);
    }

    /** Walks a topic's feed ("" the whole feed) as the app does; returns our videos seen, checking each is of that topic. */
    private List<Long> walkFeed(String topic, long unitMs, List<Long> ours) {
        return walkFeedFrom(topic, unitMs, (System.currentTimeMillis() + 7_200_000L) / unitMs * unitMs, ours);
    }

    /** {@link #walkFeed} from the page before {@code beforeMs}. */
    private List<Long> walkFeedFrom(String topic, long unitMs, long beforeMs, List<Long> ours) {
        List<Long> seen = new ArrayList<>();
        long before = beforeMs;
        for (int pages = 0; pages < 500; pages++) {
            List<VideoDTO> page = videos.feed(topic, before, unitMs, 30);
            if (page.isEmpty()) {
                break;
            }
            if (!topic.isEmpty()) {
                assertThat(page).extracting(VideoDTO::topic).containsOnly(topic);
            }
            assertThat(page.size()).isLessThanOrEqualTo(30);
            page.forEach(v -> seen.add(v.id()));
            before = page.get(page.size() - 1).publishedAt() / unitMs * unitMs;
        }
        Set<Long> wanted = new HashSet<>(ours);
        return seen.stream().filter(wanted::contains).toList();
    }

    private void upload(long ownerId, String key, long expiresAtMs) throws Exception {
        videos.expectUpload(ownerId, key, expiresAtMs);
        byte[] mp4 = SampleVideo.mp4();
        store.put(key, new ByteArrayInputStream(mp4), mp4.length, "video/mp4");
    }

    private long pendingRows(String key) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM pending_upload WHERE object_key = ?", Long.class, key);
    }

    private long swept(String key) {
        return jdbc.queryForObject("SELECT swept FROM pending_upload WHERE object_key = ?", Long.class, key);
    }

    @Test
    void anUploadNeverPublishedIsDeletedADayAfterItEndedWhileAPublishedOrRecentOneIsKept() throws Exception {
        long longAgo = System.currentTimeMillis() - Duration.ofHours(25).toMillis();
        upload(31L, "videos/31/abandoned.mp4", longAgo);
        upload(31L, "videos/31/published.mp4", longAgo);
        upload(31L, "videos/31/recent.mp4", System.currentTimeMillis());
        videos.publish(31L, "videos/31/published.mp4", "kept", "");
        assertThat(pendingRows("videos/31/published.mp4")).as("taken away by the publish").isZero();

        sweeper.sweep();

        assertThat(store.exists("videos/31/abandoned.mp4")).isFalse();
        assertThat(swept("videos/31/abandoned.mp4")).as("a tombstone").isEqualTo(2);
        assertThatThrownBy(() -> videos.publish(31L, "videos/31/abandoned.mp4", "too late", ""))
                .isInstanceOfSatisfying(DouyinException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UPLOAD_NOT_FOUND));
        assertThat(store.exists("videos/31/published.mp4")).isTrue();
        assertThat(store.exists("videos/31/recent.mp4")).isTrue();
        assertThat(pendingRows("videos/31/recent.mp4")).isOne();
    }

    @Test
    void aPublishOfAnUploadTheSweeperHasBegunToDeleteIsRefusedAndTheSweepResumes() throws Exception {
        String key = "videos/32/late.mp4";
        upload(32L, key, System.currentTimeMillis() - Duration.ofHours(25).toMillis());
        jdbc.update("UPDATE pending_upload SET swept = 1 WHERE object_key = ?", key); // a sweep cut short after its first step

        assertThatThrownBy(() -> videos.publish(32L, key, "too late", ""))
                .isInstanceOfSatisfying(DouyinException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UPLOAD_NOT_FOUND));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM video WHERE play_key = ?", Long.class, key)).isZero();

        sweeper.sweep();

        assertThat(store.exists(key)).isFalse();
        assertThat(swept(key)).isEqualTo(2);
        jdbc.update("UPDATE pending_upload SET expires_at = ? WHERE object_key = ?", System.currentTimeMillis() - Duration.ofDays(9).toMillis(), key);
        sweeper.sweep();
        assertThat(pendingRows(key)).as("the tombstone forgotten after a week").isZero();
    }

    @Test
    void aReadThatFindsOnlyTheFixedFieldsGoneAnswersTheCachedCountsWhichAreAheadOfMysql() {
        VideoDTO video = videos.publish(33L, "videos/33/counted.mp4", "counted", "");
        videos.getVideos(List.of(video.id())); // cached
        // A comment whose event has not reached MySQL yet: only the cached count has it.
        redisson.getMap("video:counters:" + video.id(), StringCodec.INSTANCE).addAndGet("comment_count", 1);
        redisson.getBucket("video:info:" + video.id()).delete(); // as a new cover drops them

        assertThat(videos.getVideos(List.of(video.id()))).extracting(VideoDTO::commentCount).containsExactly(1L);
        assertThat(jdbc.queryForObject("SELECT comment_count FROM video WHERE id = ?", Long.class, video.id())).isZero();
    }

    /** Walks a feed ("" the whole feed) through the cursor of each page's oldest video; returns our videos seen. */
    private List<Long> walkFeedByCursor(String topic, PageCursor start, List<Long> ours) {
        List<Long> seen = new ArrayList<>();
        PageCursor cursor = start;
        for (int pages = 0; pages < 500; pages++) {
            List<VideoDTO> page = videos.feed(topic, cursor, 1, 30);
            if (page.isEmpty()) {
                break;
            }
            assertThat(page.size()).isLessThanOrEqualTo(30);
            page.forEach(v -> seen.add(v.id()));
            VideoDTO oldest = page.get(page.size() - 1);
            cursor = new PageCursor(oldest.publishedAt(), oldest.id());
        }
        Set<Long> wanted = new HashSet<>(ours);
        return seen.stream().filter(wanted::contains).toList();
    }

    @Test
    void aHundredVideosOfOneMillisecondArePagedThroughTheCursorEachExactlyOnce() {
        List<Long> published = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            published.add(videos.publish(54L, "videos/54/" + i + ".mp4", "instant " + i, "music").id());
        }
        long instant = System.currentTimeMillis() + 5 * 3_600_000L;
        jdbc.update("UPDATE video SET published_at = ? WHERE author_id = 54", instant);
        published.forEach(id -> redisson.getKeys().delete("video:info:" + id));
        PageCursor before = new PageCursor(instant + 1, 0); // what latest_time asks for: strictly before it

        assertThat(walkFeedByCursor("", before, published)).doesNotHaveDuplicates().hasSize(100);
        assertThat(walkFeedByCursor("music", before, published)).doesNotHaveDuplicates().hasSize(100);
        // The stock client's next_time cannot go on inside the millisecond: it gets the first 30 only.
        assertThat(walkFeedFrom("", 1L, instant + 1, published)).hasSize(30);
    }

    @Test
    void anAuthorsListIsPagedNewestFirstThroughCursorsThatOutliveTheCachedSet() {
        List<Long> newestFirst = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            newestFirst.add(0, videos.publish(55L, "videos/55/" + i + ".mp4", "work " + i, "").id());
        }
        long tie = System.currentTimeMillis() + 3_600_000L; // three of them in one millisecond: ordered by ID
        jdbc.update("UPDATE video SET published_at = ? WHERE id IN (?, ?, ?)", tie, newestFirst.get(4), newestFirst.get(5), newestFirst.get(6));
        List<Long> expected = new ArrayList<>(List.of(newestFirst.get(4), newestFirst.get(5), newestFirst.get(6)));
        expected.addAll(newestFirst.subList(0, 4));
        redisson.getKeys().delete("video:author:{55}");

        List<Long> seen = new ArrayList<>();
        PageCursor cursor = null;
        for (int pages = 0; pages < 10; pages++) {
            if (pages == 2) {
                redisson.getKeys().delete("video:author:{55}"); // the next page is read from MySQL and cached again
            }
            CursorPage<VideoDTO> page = videos.listByAuthor(55L, 0, cursor, 2);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
            page.items().forEach(v -> seen.add(v.id()));
            cursor = page.next();
            if (cursor == null) {
                break;
            }
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(videos.listByAuthor(55L, 0)).extracting(VideoDTO::id).containsExactlyElementsOf(expected);
    }

    @Test
    void aPageOfUncachedVideosIsReadTogetherAndAMadeUpIdAmongThemStillStopsAtTheBloomFilter() {
        List<Long> published = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            published.add(videos.publish(56L, "videos/56/" + i + ".mp4", "liked " + i, "").id());
        }
        bloom.maintain(); // complete
        published.forEach(id -> redisson.getKeys().delete("video:info:" + id));
        long sneaked = 8_000_000_000_000_000L + published.get(19) % 1_000_000; // a row the filter never heard of, out of the IDs' way
        jdbc.update("INSERT INTO video (id, author_id, title, play_key, published_at) VALUES (?, 56, 'sneaked', 'k56', 1)", sneaked);

        List<Long> asked = new ArrayList<>(published);
        asked.add(10, sneaked);
        assertThat(videos.getVideos(asked)).extracting(VideoDTO::id).containsExactlyElementsOf(published);
        assertThat(videos.getVideos(List.of(sneaked, sneaked + 1))).isEmpty();
        assertThat(published).allSatisfy(id -> assertThat(redisson.getBucket("video:info:" + id).isExists()).isTrue());
    }
}
