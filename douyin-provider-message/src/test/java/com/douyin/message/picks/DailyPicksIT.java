package com.douyin.message.picks;

import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.api.cache.ActivityKeys;
import com.douyin.api.video.VideoDTO;
import com.douyin.common.testing.ItDatabase;
import com.douyin.common.testing.LocalNacos;
import com.douyin.common.testing.RandomSecret;
import com.douyin.common.testing.RealInfrastructure;
import com.douyin.message.assistant.AssistantReplies;
import com.douyin.message.dao.DailyPickMapper;
import com.douyin.message.push.ChatPush;
import com.douyin.message.service.ChatStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily picks of two message-provider instances (each its own Redisson client, so its own
 * lock owner) against the real MariaDB and Redis: one run sends each active user exactly one
 * message, and a run cut short by its instance's death is finished by the other without a second
 * message to anybody. The video provider is replaced by a list of videos ({@link PickedVideos}).
 */
@ExtendWith(RealInfrastructure.class)
@SpringBootTest(properties = {
        "douyin.nacos.config-enabled=false",
        "douyin.sentinel.enabled=false",
        "dubbo.registry.address=nacos://127.0.0.1:8848",
        "dubbo.registry.register=false",
        "dubbo.protocol.port=-1",
        "spring.datasource.url=" + ItDatabase.SERVER_URL + DailyPicksIT.DATABASE + ItDatabase.OPTIONS,
        "spring.datasource.username=" + ItDatabase.USER,
        "spring.datasource.password=" + ItDatabase.PASSWORD,
        "douyin.redis.address=" + ItDatabase.REDIS,
        "douyin.redis.database=" + DailyPicksIT.REDIS_DATABASE,
        "douyin.assistant.user-id=1",
        "douyin.daily-picks.enabled=false", // the test runs the instances' schedules itself
        "douyin.daily-picks.time=09:00",
        "douyin.daily-picks.zone=Asia/Shanghai",
        "douyin.daily-picks.per-second=40",
})
class DailyPicksIT {

    static final String DATABASE = "douyin_it_message_picks";
    static final int REDIS_DATABASE = 3;
    private static final long ASSISTANT = 1;
    /** 10:00 in Shanghai, after the picks' time: 02:00 UTC. */
    private static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2026-12-06");

    @Autowired DailyPickMapper pickRows;
    @Autowired ChatStore chats;
    @Autowired ChatPush push;
    @Autowired AssistantReplies assistant;
    @Autowired TransactionTemplate transaction;
    @Autowired DailyPicksProperties properties;
    @Autowired RedissonClient redisson;
    @Autowired JdbcTemplate jdbc;
    private final List<RedissonClient> instancesRedis = new ArrayList<>();

    @DynamicPropertySource
    static void callerKey(DynamicPropertyRegistry registry) {
        registry.add("douyin.rpc.caller-secret", RandomSecret::next);
        LocalNacos.signInDubboRegistry(registry);
    }

    @BeforeAll
    static void freshDatabase() throws Exception {
        ItDatabase.recreate(DATABASE, REDIS_DATABASE);
    }

    @AfterEach
    void stopInstances() {
        instancesRedis.stream().filter(r -> !r.isShutdown()).forEach(RedissonClient::shutdown);
        redisson.getKeys().flushdb();
    }

    /** Three videos for anybody, counting the users asked for, each ask waiting {@code before} first. */
    private static final class Videos implements PickedVideos {
        final AtomicInteger asked = new AtomicInteger();
        volatile CountDownLatch before = new CountDownLatch(0);
        volatile int holdAt = -1;
        final CountDownLatch held = new CountDownLatch(1);
        /** The video provider cannot answer for this user (0: answers for all). */
        volatile long failingFor;

        @Override
        public List<VideoDTO> pick(long userId, int count) {
            if (userId == failingFor) {
                throw new IllegalStateException("no provider answers");
            }
            if (asked.incrementAndGet() == holdAt) {
                held.countDown();
                try {
                    before.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return LongStream.rangeClosed(1, count).mapToObj(k -> new VideoDTO(100 + k, 7, "video number " + k, "",
                    "videos/" + k + ".mp4", "", 0, 0, 1_000)).toList();
        }
    }

    /** An instance's schedule: its own Redis client (a lock owner; the watchdog lease as given), its own videos. */
    private DailyPicksSchedule instance(Videos videos, long watchdogMs) {
        Config config = new Config();
        config.setLockWatchdogTimeout(watchdogMs);
        config.useSingleServer().setAddress(ItDatabase.redisUrl()).setDatabase(REDIS_DATABASE);
        RedissonClient redis = Redisson.create(config);
        instancesRedis.add(redis);
        DailyPicks picks = new DailyPicks(pickRows, chats, push, assistant, videos, transaction, properties);
        return new DailyPicksSchedule(picks, redis, properties, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Users 1001..1030 active today (UTC), 1021..1040 yesterday, and the assistant: 40 users to send to. */
    private List<Long> activeUsers(long base) {
        List<Long> today = LongStream.range(base + 1, base + 31).boxed().toList();
        List<Long> yesterday = LongStream.range(base + 21, base + 41).boxed().toList();
        redisson.<String>getSet(ActivityKeys.activeUsers(DAY), StringCodec.INSTANCE)
                .addAll(today.stream().map(String::valueOf).collect(Collectors.toList()));
        redisson.<String>getSet(ActivityKeys.activeUsers(DAY), StringCodec.INSTANCE).add(String.valueOf(ASSISTANT));
        redisson.<String>getSet(ActivityKeys.activeUsers(DAY.minusDays(1)), StringCodec.INSTANCE)
                .addAll(yesterday.stream().map(String::valueOf).collect(Collectors.toList()));
        return LongStream.range(base + 1, base + 41).boxed().toList();
    }

    /** Each user's messages from the assistant. */
    private Map<Long, Long> messagesFromAssistant(List<Long> users) {
        return jdbc.queryForList("SELECT to_user_id, COUNT(*) AS n FROM message WHERE from_user_id = ? AND to_user_id BETWEEN ? AND ? GROUP BY to_user_id",
                        ASSISTANT, users.get(0), users.get(users.size() - 1)).stream()
                .collect(Collectors.toMap(row -> ((Number) row.get("to_user_id")).longValue(), row -> ((Number) row.get("n")).longValue()));
    }

    private long pickRows(List<Long> users) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM daily_pick WHERE day = ? AND user_id BETWEEN ? AND ?", Long.class,
                DAY, users.get(0), users.get(users.size() - 1));
    }

    @Test
    void twoInstancesRunTheDayOnceAndEachActiveUserGetsExactlyOneMessage() throws Exception {
        List<Long> users = activeUsers(1000);
        Videos first = new Videos();
        Videos second = new Videos();
        DailyPicksSchedule a = instance(first, 30_000);
        DailyPicksSchedule b = instance(second, 30_000);
        ExecutorService both = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        long startedAt = System.nanoTime();
        Future<Boolean> ranA = both.submit(() -> {
            start.await();
            return a.runIfDue();
        });
        Future<Boolean> ranB = both.submit(() -> {
            start.await();
            return b.runIfDue();
        });
        start.countDown();
        List<Boolean> ran = List.of(ranA.get(60, TimeUnit.SECONDS), ranB.get(60, TimeUnit.SECONDS));
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        both.shutdown();

        assertThat(ran).as("one instance ran the day").containsExactlyInAnyOrder(true, false);
        assertThat(first.asked.get() + second.asked.get()).as("videos asked once per user").isEqualTo(40);
        Map<Long, Long> received = messagesFromAssistant(users);
        assertThat(received.keySet()).as("every active user, nobody else").containsExactlyInAnyOrderElementsOf(users);
        assertThat(received.values()).as("one message each").containsOnly(1L);
        assertThat(pickRows(users)).isEqualTo(40);
        assertThat(jdbc.queryForObject("SELECT content FROM message WHERE from_user_id = ? AND to_user_id = ?", String.class, ASSISTANT, 1001L))
                .isEqualTo("Today's picks for you:\n1. video number 1 (video 101)\n2. video number 2 (video 102)\n3. video number 3 (video 103)");
        assertThat(seconds).as("paced to 40 a second").isGreaterThanOrEqualTo(39 / 40.0);
        assertThat(a.runIfDue() || b.runIfDue()).as("the day is done").isFalse();
    }

    @Test
    void aRunWhoseInstanceDiesIsFinishedByTheOtherWithoutASecondMessageToAnybody() throws Exception {
        List<Long> users = activeUsers(2000);
        Videos dying = new Videos();
        dying.holdAt = 10; // it dies while asking for the tenth user's videos
        dying.before = new CountDownLatch(1);
        DailyPicksSchedule a = instance(dying, 1_000);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        Future<?> runA = thread.submit(() -> {
            try {
                return a.runIfDue();
            } catch (RuntimeException redisGone) {
                return false;
            }
        });
        assertThat(dying.held.await(30, TimeUnit.SECONDS)).isTrue();
        instancesRedis.get(0).shutdown(); // its lock is no longer renewed

        Videos survivor = new Videos();
        DailyPicksSchedule b = instance(survivor, 30_000);
        boolean ran = false;
        for (int attempt = 0; attempt < 50 && !ran; attempt++) { // the lock lapses within its 1 s lease
            ran = b.runIfDue();
            if (!ran) {
                Thread.sleep(200);
            }
        }
        assertThat(ran).as("the other instance resumed the day").isTrue();
        assertThat(survivor.asked.get()).as("only the users the dead run had not sent to").isEqualTo(31);
        dying.before.countDown(); // the dying run's last send lands after all: it must not send twice
        runA.get(30, TimeUnit.SECONDS);
        thread.shutdown();

        Map<Long, Long> received = messagesFromAssistant(users);
        assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(users);
        assertThat(received.values()).as("one message each").containsOnly(1L);
        assertThat(pickRows(users)).isEqualTo(40);
    }

    @Test
    void aRunInWhichSendsFailedIsRunAgainLaterForThoseOnly() throws Exception {
        List<Long> users = activeUsers(3000);
        Videos videos = new Videos();
        videos.failingFor = 3005;
        DailyPicksSchedule instance = instance(videos, 30_000);
        assertThat(instance.runIfDue()).isTrue();
        assertThat(messagesFromAssistant(users)).hasSize(39).doesNotContainKey(3005L);
        assertThat(instance.runIfDue()).as("not again at once: the retry waits %d minutes", DailyPicksSchedule.RETRY_MINUTES).isFalse();

        redisson.getKeys().deleteByPattern("picks:retry-after:*"); // ten minutes later
        videos.failingFor = 0;
        videos.asked.set(0);
        assertThat(instance.runIfDue()).isTrue();
        assertThat(videos.asked.get()).as("only the user it failed for").isEqualTo(1);
        assertThat(messagesFromAssistant(users).values()).hasSize(40).containsOnly(1L);
        assertThat(instance.runIfDue()).as("the day is done").isFalse();
    }
}
