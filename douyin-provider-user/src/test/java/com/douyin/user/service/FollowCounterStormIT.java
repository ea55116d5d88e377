package com.douyin.user.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.api.event.FollowChangedEvent;
import com.douyin.common.testing.ItDatabase;
import com.douyin.common.testing.RandomSecret;
import com.douyin.common.testing.RealInfrastructure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Follow counter batches applied concurrently, as several consumer threads (and instances) apply
 * them, against the machine's real MariaDB. Every batch must commit at its first try: a deadlock
 * sends a batch to retries, and in the end to the dead-letter queue. The counters must end exact.
 * Its own database and Redis database, so it runs beside the other ITs.
 */
@ExtendWith(RealInfrastructure.class)
@SpringBootTest(properties = {
        "douyin.nacos.config-enabled=false",
        "douyin.sentinel.enabled=false",
        "seata.enabled=false",
        "dubbo.registry.address=N/A",
        "dubbo.protocol.port=-1",
        "spring.datasource.url=" + ItDatabase.SERVER_URL + FollowCounterStormIT.DATABASE + ItDatabase.OPTIONS,
        "spring.datasource.username=" + ItDatabase.USER,
        "spring.datasource.password=" + ItDatabase.PASSWORD,
        "douyin.redis.address=" + ItDatabase.REDIS,
        "douyin.redis.database=" + FollowCounterStormIT.REDIS_DATABASE,
        "rocketmq.name-server=127.0.0.1:9876",
        "douyin.user.work-count-group=douyin-user-work-count-storm-it", // never takes a running system's events
        "douyin.user.favorite-count-group=douyin-user-favorite-count-storm-it",
        "douyin.user.follow-count-group=douyin-user-follow-count-storm-it",
})
class FollowCounterStormIT {

    static final String DATABASE = "douyin_it_user_counters";
    static final int REDIS_DATABASE = 3;
    private static final AtomicLong nextUser = new AtomicLong(5_000_000);

    @Autowired UserCounterService counters;
    @Autowired JdbcTemplate jdbc;

    @DynamicPropertySource
    static void installationSecrets(DynamicPropertyRegistry registry) {
        registry.add("douyin.auth.jwt-secret", RandomSecret::next);
        registry.add("douyin.rpc.caller-secret", RandomSecret::next);
    }

    @BeforeAll
    static void freshDatabase() throws Exception {
        ItDatabase.recreate(DATABASE, REDIS_DATABASE);
    }

    /**
     * Mutual follows put two users' rows in one batch as follower and followee, and in another
     * batch the other way round: each batch must still lock them in the same order.
     */
    @Test
    void aStormOfMutualFollowsEndsExactWithoutARetry() throws Exception {
        List<Long> users = newUsers(12);
        // 41 rounds: every pair follows each other in both directions (an even round unfollows),
        // the two directions in different batches of 16; the batches shuffled over 8 threads.
        Random random = new Random(15);
        List<List<FollowChangedEvent>> batches = new ArrayList<>();
        long sequence = 1;
        for (int round = 0; round < 41; round++) {
            int delta = round % 2 == 0 ? 1 : -1;
            List<FollowChangedEvent> forward = new ArrayList<>();
            List<FollowChangedEvent> backward = new ArrayList<>();
            for (int i = 0; i < users.size(); i++) {
                for (int j = i + 1; j < users.size(); j++) {
                    forward.add(new FollowChangedEvent(users.get(i), users.get(j), delta, sequence++));
                    backward.add(new FollowChangedEvent(users.get(j), users.get(i), delta, sequence++));
                }
            }
            Collections.shuffle(forward, random);
            Collections.shuffle(backward, random);
            for (List<FollowChangedEvent> events : List.of(forward, backward)) {
                for (int from = 0; from < events.size(); from += 16) {
                    batches.add(events.subList(from, Math.min(events.size(), from + 16)));
                }
            }
        }
        Collections.shuffle(batches, random);

        assertThat(applyConcurrently(batches, 8)).as("batches that failed and had to be retried").isEmpty();
        for (long user : users) { // the last round follows: everyone follows and is followed by the 11 others
            assertThat(countersOf(user)).as("follow_count, follower_count of user %d", user).isEqualTo(List.of(11L, 11L));
        }
    }

    /**
     * A batch delivered twice at once (a queue rebalanced to another consumer while the first still
     * applies it), the second time in another order: one delivery applies it, the other finds its
     * event keys taken and applies nothing, and neither fails.
     */
    @Test
    void aBatchDeliveredTwiceAtOnceInAnotherOrderCountsOnceWithoutARetry() throws Exception {
        List<Long> users = newUsers(16);
        List<String> failures = new ArrayList<>();
        long sequence = 1;
        int rounds = 30;
        for (int round = 0; round < rounds; round++) {
            List<FollowChangedEvent> batch = new ArrayList<>(); // 240 events (a full batch is 256)
            for (int i = 0; i < users.size(); i++) {
                for (int j = i + 1; j < users.size(); j++) {
                    batch.add(new FollowChangedEvent(users.get(i), users.get(j), 1, sequence++));
                    batch.add(new FollowChangedEvent(users.get(j), users.get(i), 1, sequence++));
                }
            }
            List<FollowChangedEvent> reversed = new ArrayList<>(batch);
            Collections.reverse(reversed);
            failures.addAll(applyConcurrently(List.of(batch, reversed), 2));
        }

        assertThat(failures).as("deliveries that failed and had to be retried").isEmpty();
        long each = (long) rounds * (users.size() - 1);
        for (long user : users) {
            assertThat(countersOf(user)).as("follow_count, follower_count of user %d", user).isEqualTo(List.of(each, each));
        }
    }

    /**
     * Applies the batches on {@code threads} threads started at once, as consumers do: a batch that
     * fails is retried until it commits. Answers why each failed try failed.
     */
    private List<String> applyConcurrently(List<List<FollowChangedEvent>> batches, int threads) throws Exception {
        ConcurrentLinkedQueue<List<FollowChangedEvent>> queue = new ConcurrentLinkedQueue<>(batches);
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    start.await();
                    for (List<FollowChangedEvent> batch; (batch = queue.poll()) != null; ) {
                        try {
                            counters.applyFollowChanges(batch);
                        } catch (RuntimeException e) {
                            failures.add(e.getClass().getSimpleName() + ": " + NestedExceptionUtils.getMostSpecificCause(e).getMessage());
                            queue.add(batch);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }
        return failures;
    }

    /** New user rows, every counter at 0. */
    private List<Long> newUsers(int count) {
        List<Long> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = nextUser.incrementAndGet();
            users.add(id);
            jdbc.update("INSERT INTO user (id, username, password_hash) VALUES (?, ?, '')", id, "storm" + id);
        }
        return users;
    }

    /** follow_count and follower_count. */
    private List<Long> countersOf(long user) {
        Map<String, Object> row = jdbc.queryForMap("SELECT follow_count, follower_count FROM user WHERE id = ?", user);
        return List.of(((Number) row.get("follow_count")).longValue(), ((Number) row.get("follower_count")).longValue());
    }
}
