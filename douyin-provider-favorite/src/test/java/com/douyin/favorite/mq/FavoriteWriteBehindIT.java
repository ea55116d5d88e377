package com.douyin.favorite.mq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.douyin.api.event.FavoriteChangedEvent;
import com.douyin.api.event.Topics;
import com.douyin.api.favorite.FavoriteChange;
import com.douyin.api.favorite.FavoriteChangeSink;
import com.douyin.common.testing.ItDatabase;
import com.douyin.common.testing.NameServerWithoutTopics;
import com.douyin.common.testing.RandomSecret;
import com.douyin.common.testing.RecordingBroker;
import com.douyin.common.video.VideoAuthors;
import com.douyin.favorite.EveryVideoByOneAuthor;
import com.douyin.writebehind.ToggleSet;
import com.douyin.favorite.cache.FavoritedVideos;
import com.douyin.favorite.service.FavoriteActionService;
import com.douyin.favorite.service.FavoriteDirectWriter;
import com.douyin.favorite.service.FavoriteQueryService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * A like's way into the favorite table against the machine's real MariaDB and Redis (a database
 * and a Redis database of its own, so it runs beside the other ITs): the action's Redis step, then
 * either the broker and the write-behind consumer, or the synchronous path. No broker and no
 * other provider run here: {@link RecordingBroker} keeps what the action sends and the test hands
 * it to the consumer's batch handler; the video and user providers' counters are
 * {@link RecordingSink}s.
 */
@SpringBootTest(properties = {
        "douyin.nacos.config-enabled=false",
        "douyin.sentinel.enabled=false",
        "dubbo.registry.address=N/A", // registers nowhere and finds no one
        "dubbo.protocol.port=-1",
        // The video and user providers' references point at no one (the test's sinks take their place).
        "dubbo.reference.com.douyin.api.favorite.FavoriteChangeSink.url=dubbo://127.0.0.1:1",
        "dubbo.reference.com.douyin.api.favorite.FavoriteChangeSink.lazy=true",
        "dubbo.reference.com.douyin.api.video.VideoService.url=dubbo://127.0.0.1:1", // VideoAuthors: the test's own answers
        "dubbo.reference.com.douyin.api.video.VideoService.lazy=true",
        "dubbo.reference.com.douyin.api.user.UserService.url=dubbo://127.0.0.1:1", // counter owners: the test's own
        "dubbo.reference.com.douyin.api.user.UserService.lazy=true",
        "spring.datasource.url=" + ItDatabase.SERVER_URL + FavoriteWriteBehindIT.DATABASE + ItDatabase.OPTIONS,
        "spring.datasource.username=" + ItDatabase.USER,
        "spring.datasource.password=" + ItDatabase.PASSWORD,
        "douyin.redis.address=" + ItDatabase.REDIS,
        "douyin.redis.database=" + FavoriteWriteBehindIT.REDIS_DATABASE,
        "douyin.favorite.write-behind-group=douyin-favorite-write-behind-it-writes",
})
@DirtiesContext // closed after the class: its subclass on a Redis Cluster starts the same consumers, which a JVM holds once
class FavoriteWriteBehindIT {

    static final String DATABASE = "douyin_it_favorite_writes";
    static final int REDIS_DATABASE = 5;
    static final long AUTHOR = 900;

    /** Stopped when the JVM ends: the cached Spring contexts that use it live as long (a subclass runs on a Redis Cluster). */
    private static final NameServerWithoutTopics nameServer = NameServerWithoutTopics.untilExit();
    private static final AtomicLong nextUser = new AtomicLong(1_000);

    @TestConfiguration
    static class WithoutBrokerOrVideoProvider {
        /** Replaces the template RocketMQAutoConfiguration would make (it backs off for this name). */
        @Bean
        RecordingBroker rocketMQTemplate() {
            return new RecordingBroker();
        }

        @Bean
        @Primary // over the provider's own: no user or video provider runs, their counters stay uncached
        ToggleSet.CounterOwners noCounterOwners() {
            return hashKeys -> { };
        }

        /** Every video exists and is AUTHOR's: what the video provider would answer. */
        @Bean
        @Primary // over the provider's own, which would ask the video provider
        VideoAuthors testVideoAuthors() {
            return new EveryVideoByOneAuthor(AUTHOR);
        }
    }

    /** A provider's counters as the synchronous path reaches them: each change it was handed, or a refusal while down. */
    static final class RecordingSink implements FavoriteChangeSink {
        final List<FavoriteChangedEvent> applied = new CopyOnWriteArrayList<>();
        volatile boolean down;

        @Override
        public void apply(FavoriteChangedEvent change) {
            if (down) {
                throw new IllegalStateException("No provider available");
            }
            applied.add(change);
        }

        List<FavoriteChangedEvent> of(long userId) {
            return applied.stream().filter(change -> change.userId() == userId).toList();
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("douyin.rpc.caller-secret", RandomSecret::next); // every service needs one to start
        registry.add("rocketmq.name-server", nameServer::address); // the consumer's client starts, and receives nothing
    }

    @BeforeAll
    static void freshDatabase() throws Exception {
        ItDatabase.recreate(DATABASE, REDIS_DATABASE);
    }

    @Autowired FavoriteActionService actions;
    @Autowired FavoriteQueryService queries;
    @Autowired FavoriteWriteBehindConsumer writeBehind;
    @Autowired FavoriteDirectWriter direct;
    @Autowired RecordingBroker broker;
    @Autowired JdbcTemplate jdbc;
    @Autowired RedissonClient redisson;

    private final RecordingSink videoCounters = new RecordingSink();
    private final RecordingSink userCounters = new RecordingSink();

    /** The synchronous path's Dubbo references to the video and user providers, as this test's sinks. */
    @BeforeEach
    void sinksForTheOtherProviders() {
        Object target = AopProxyUtils.getSingletonTarget(direct) != null ? AopProxyUtils.getSingletonTarget(direct) : direct;
        ReflectionTestUtils.setField(target, "videoCounters", videoCounters);
        ReflectionTestUtils.setField(target, "userCounters", userCounters);
        broker.down(false);
        sent(); // none left from another test
    }

    /** A user no other test uses. */
    private static long newUser() {
        return nextUser.incrementAndGet();
    }

    /** The pair's row as (liked, liked_at, change_seq), or null if there is none. */
    private List<Long> row(long userId, long videoId) {
        List<List<Long>> rows = jdbc.query("SELECT liked, liked_at, change_seq FROM favorite WHERE user_id = ? AND video_id = ?",
                (rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)), userId, videoId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The user's rows as video ID to liked (1) or not (0). */
    private Map<Long, Long> rowsOf(long userId) {
        return jdbc.query("SELECT video_id, liked FROM favorite WHERE user_id = ?", (rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)), userId)
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The user's rows, every column a change could move (updated_at included), in pair order. */
    private List<Map<String, Object>> fullRowsOf(long userId) {
        return jdbc.queryForList("SELECT user_id, video_id, liked, liked_at, change_seq, updated_at FROM favorite WHERE user_id = ? ORDER BY video_id",
                userId);
    }

    /** The events the action has sent through the broker since the last call. */
    private List<FavoriteChangedEvent> sent() {
        return broker.take(Topics.FAVORITE, FavoriteChangedEvent.class);
    }

    private long cachedCounter(String key, String field) {
        return Long.parseLong((String) redisson.getMap(key, StringCodec.INSTANCE).get(field));
    }

    private void cacheCounters(String key, String field) {
        redisson.getMap(key, StringCodec.INSTANCE).put(field, "0");
    }

    @Test
    void likesAndUnlikesOfTheActionReachTheRowsThroughTheBrokerAndTheWriteBehind() {
        long ann = newUser();
        long bob = newUser();
        cacheCounters("video:counters:101", "favorite_count");
        cacheCounters("user:counters:" + ann, "favorite_count");

        actions.like(ann, 101);
        actions.like(ann, 102);
        actions.like(bob, 101);
        actions.unlike(ann, 101);
        List<FavoriteChangedEvent> sent = sent();

        assertThat(sent).extracting(FavoriteChangedEvent::userId, FavoriteChangedEvent::videoId, FavoriteChangedEvent::authorId,
                FavoriteChangedEvent::delta).containsExactly(
                tuple(ann, 101L, AUTHOR, 1), tuple(ann, 102L, AUTHOR, 1),
                tuple(bob, 101L, AUTHOR, 1), tuple(ann, 101L, AUTHOR, -1));
        assertThat(rowsOf(ann)).as("nothing in MySQL before the write-behind").isEmpty();

        writeBehind.consume(sent);

        assertThat(rowsOf(ann)).isEqualTo(Map.of(101L, 0L, 102L, 1L));
        assertThat(rowsOf(bob)).isEqualTo(Map.of(101L, 1L));
        FavoriteChangedEvent like102 = sent.get(1);
        assertThat(row(ann, 102)).as("liked_at is the like's millisecond").containsExactly(1L, like102.sequence() / 1000, like102.sequence());
        assertThat(row(ann, 101).get(2)).as("the unlike's sequence, the latest").isEqualTo(sent.get(3).sequence());
        assertThat(cachedCounter("video:counters:101", "favorite_count")).as("ann's like taken back, bob's stays").isEqualTo(1);
        assertThat(cachedCounter("user:counters:" + ann, "favorite_count")).isEqualTo(1);
        assertThat(videoCounters.applied).as("the broker's path: the other providers consume the events themselves").isEmpty();
    }

    @Test
    void aRepeatedLikeOrUnlikeSendsNothingAndMovesNoCounter() {
        long ann = newUser();
        cacheCounters("video:counters:201", "favorite_count");

        actions.like(ann, 201);
        actions.like(ann, 201);
        actions.unlike(ann, 202); // never liked
        List<FavoriteChangedEvent> sent = sent();

        assertThat(sent).singleElement().satisfies(event -> assertThat(event.videoId()).isEqualTo(201));
        writeBehind.consume(sent);
        assertThat(rowsOf(ann)).isEqualTo(Map.of(201L, 1L));
        assertThat(cachedCounter("video:counters:201", "favorite_count")).isEqualTo(1);
    }

    /** A batch is redelivered whole when it failed after its rows were stored: stored again, it changes nothing. */
    @Test
    void theSameBatchAppliedTwiceChangesNoRow() throws Exception {
        long ann = newUser();
        actions.like(ann, 301);
        actions.like(ann, 302);
        actions.unlike(ann, 302);
        actions.like(ann, 303);
        List<FavoriteChangedEvent> batch = sent();
        writeBehind.consume(batch);
        List<Map<String, Object>> once = fullRowsOf(ann);

        Thread.sleep(5); // a row written again would show a later updated_at
        writeBehind.consume(batch);
        writeBehind.consume(List.of(batch.get(1), batch.get(0))); // the like of 302 again, after its unlike

        assertThat(once).hasSize(3);
        assertThat(fullRowsOf(ann)).isEqualTo(once);
    }

    /** Batches may overtake each other: a pair's older change, stored after a newer one, leaves the row as the newer one made it. */
    @Test
    void anOlderChangeStoredAfterANewerOneLeavesTheRowAlone() {
        long ann = newUser();
        actions.like(ann, 401);
        actions.unlike(ann, 401);
        actions.like(ann, 401);
        List<FavoriteChangedEvent> changes = sent();
        FavoriteChangedEvent firstLike = changes.get(0);
        FavoriteChangedEvent unlike = changes.get(1);
        FavoriteChangedEvent secondLike = changes.get(2);

        writeBehind.consume(List.of(unlike));
        writeBehind.consume(List.of(firstLike));
        assertThat(row(ann, 401)).as("the unlike stands").containsExactly(0L, unlike.sequence() / 1000, unlike.sequence());

        writeBehind.consume(List.of(secondLike));
        writeBehind.consume(List.of(unlike, firstLike));
        assertThat(row(ann, 401)).as("the second like stands").containsExactly(1L, secondLike.sequence() / 1000, secondLike.sequence());
    }

    /**
     * An unlike after a like leaves the row, not liked: the user's likes, rebuilt from the rows
     * after Redis lost them, do not hold the video.
     */
    @Test
    void anUnlikeAfterALikeLeavesAnUnlikedRowThatALostRedisSetIsRebuiltFrom() {
        long ann = newUser();
        actions.like(ann, 501);
        actions.like(ann, 502);
        actions.unlike(ann, 501);
        writeBehind.consume(sent());

        assertThat(rowsOf(ann)).isEqualTo(Map.of(501L, 0L, 502L, 1L));
        redisson.getKeys().delete(FavoritedVideos.setKey(ann)); // Redis lost the user's set
        assertThat(queries.likedAmong(ann, List.of(501L, 502L))).as("rebuilt from the rows").containsExactly(502L);
        assertThat(queries.likedVideos(ann, null, 10).items()).containsExactly(502L);
    }

    /**
     * With the broker down a like takes the synchronous path: its row is there when the call
     * returns, and the video and user providers are handed the change (their counters), leaving no
     * outbox entry.
     */
    @Test
    void withTheBrokerDownALikeIsStoredAtOnceAndHandedToTheOtherProviders() {
        long ann = newUser();
        broker.down(true);

        actions.like(ann, 601);

        assertThat(broker.sends()).as("nothing went through the broker").isEmpty();
        assertThat(rowsOf(ann)).isEqualTo(Map.of(601L, 1L));
        assertThat(videoCounters.of(ann)).singleElement().satisfies(change -> {
            assertThat(change.videoId()).isEqualTo(601);
            assertThat(change.delta()).isEqualTo(1);
            assertThat(change.authorId()).isEqualTo(AUTHOR);
            assertThat(row(ann, 601).get(2)).isEqualTo(change.sequence());
        });
        assertThat(userCounters.of(ann)).isEqualTo(videoCounters.of(ann));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM favorite_outbox WHERE event_key LIKE ?", Long.class, "favorite:" + ann + ":%"))
                .isZero();
    }

    /**
     * If the other providers cannot be reached either, the change waits in the outbox, committed
     * with its row, and is handed on by the retry once they answer.
     */
    @Test
    void aChangeTheOtherProvidersDidNotConfirmWaitsInTheOutboxUntilTheRetryHandsItOn() {
        long ann = newUser();
        broker.down(true);
        videoCounters.down = true;

        actions.like(ann, 701);

        assertThat(rowsOf(ann)).isEqualTo(Map.of(701L, 1L));
        List<Map<String, Object>> outbox = jdbc.queryForList("SELECT event_key, payload FROM favorite_outbox WHERE event_key LIKE ?",
                "favorite:" + ann + ":%");
        long sequence = row(ann, 701).get(2);
        assertThat(outbox).singleElement().satisfies(entry -> {
            assertThat(entry.get("event_key")).isEqualTo("favorite:" + ann + ":701:" + sequence);
            assertThat(entry.get("payload")).isEqualTo("{\"userId\":" + ann + ",\"videoId\":701,\"authorId\":900,\"delta\":1,\"sequence\":"
                    + sequence + "}");
        });

        videoCounters.down = false;
        direct.retryPending();

        assertThat(videoCounters.of(ann)).extracting(FavoriteChangedEvent::eventKey).containsOnly("favorite:" + ann + ":701:" + sequence);
        assertThat(userCounters.of(ann)).extracting(FavoriteChangedEvent::eventKey).contains("favorite:" + ann + ":701:" + sequence);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM favorite_outbox WHERE event_key LIKE ?", Long.class, "favorite:" + ann + ":%"))
                .isZero();
    }

    /**
     * The same likes and unlikes, made by one user through the broker and the write-behind, by
     * another on the synchronous path (broker down), and by a third deciding in MySQL (Redis out):
     * the three leave the same rows.
     */
    @Test
    void theBrokersPathTheSynchronousPathAndMysqlsDecisionStoreTheSameRows() {
        long viaBroker = newUser();
        long synchronous = newUser();
        long inMysql = newUser();
        List<long[]> script = List.of(new long[] {801, +1}, new long[] {802, +1}, new long[] {801, -1}, new long[] {803, +1},
                new long[] {803, +1}, new long[] {804, -1}, new long[] {802, -1}, new long[] {802, +1});

        script.forEach(step -> change(viaBroker, step[0], (int) step[1]));
        writeBehind.consume(sent());
        broker.down(true);
        script.forEach(step -> change(synchronous, step[0], (int) step[1]));
        script.forEach(step -> direct.changeInMysql(inMysql, step[0], AUTHOR, (int) step[1]));

        Map<Long, Long> expected = Map.of(801L, 0L, 802L, 1L, 803L, 1L);
        assertThat(rowsOf(viaBroker)).isEqualTo(expected);
        assertThat(rowsOf(synchronous)).isEqualTo(expected);
        assertThat(rowsOf(inMysql)).as("and a row, not liked, for the unlike of a video never liked")
                .isEqualTo(Map.of(801L, 0L, 802L, 1L, 803L, 1L, 804L, 0L));
        assertThat(videoCounters.of(synchronous)).extracting(FavoriteChangedEvent::delta).as("one change per real change")
                .containsExactly(1, 1, -1, 1, -1, 1);
        assertThat(videoCounters.of(inMysql)).extracting(FavoriteChangedEvent::delta).containsExactly(1, 1, -1, 1, -1, 1);
    }

    private void change(long userId, long videoId, int delta) {
        if (delta > 0) {
            actions.like(userId, videoId);
        } else {
            actions.unlike(userId, videoId);
        }
    }

    /** Many likes of a gathered batch (one Redis round trip), handed to the write-behind as the broker would: one batch. */
    @Test
    void aGatheredBatchOfLikesIsOneSendAndItsRowsOneBatch() {
        long ann = newUser();
        List<FavoriteChange> changes = new ArrayList<>();
        for (long video = 901; video <= 950; video++) {
            changes.add(new FavoriteChange(ann, video, true));
        }
        changes.add(new FavoriteChange(ann, 901, false));

        assertThat(actions.changeAll(changes)).as("no change refused").containsOnlyNulls();

        assertThat(broker.sends()).as("one send").hasSize(1);
        List<FavoriteChangedEvent> sent = sent();
        assertThat(sent).hasSize(51);
        writeBehind.consume(sent);
        assertThat(rowsOf(ann)).hasSize(50).containsEntry(901L, 0L).containsEntry(950L, 1L);
        assertThat(rowsOf(ann).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(49);
    }
}
