package com.douyin.relation.mq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.event.FollowChangedEvent;
import com.douyin.api.event.Topics;
import com.douyin.api.relation.FollowChangeSink;
import com.douyin.api.user.AuthDTO;
import com.douyin.api.user.ProfileChange;
import com.douyin.api.user.UserDTO;
import com.douyin.api.user.UserService;
import com.douyin.common.testing.ItDatabase;
import com.douyin.common.testing.NameServerWithoutTopics;
import com.douyin.common.testing.RandomSecret;
import com.douyin.common.testing.RecordingBroker;
import com.douyin.relation.cache.FollowedUsers;
import com.douyin.relation.dao.FollowMapper;
import com.douyin.relation.service.FollowDirectWriter;
import com.douyin.relation.service.FollowActionService;
import com.douyin.relation.service.FollowQueryService;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * A follow's way into the follow table against the machine's real MariaDB and Redis (a database
 * and a Redis database of its own, so it runs beside the other ITs): the action's Redis step, then
 * either the broker and the write-behind consumer, or the synchronous path; and the follower,
 * following and friend lists the rows then give. No broker and no user provider run here:
 * {@link RecordingBroker} keeps what the action sends and the test hands it to the consumer's
 * batch handler; the user provider is {@link Users} (who exists) and a {@link RecordingSink} (its
 * counters, on the synchronous path).
 */
@SpringBootTest(properties = {
        "douyin.nacos.config-enabled=false",
        "douyin.sentinel.enabled=false",
        "seata.enabled=false",
        "dubbo.registry.address=N/A", // registers nowhere and finds no one
        "dubbo.protocol.port=-1",
        // The user provider's references point at no one (the test's Users and sink take their place).
        "dubbo.reference.com.douyin.api.user.UserService.url=dubbo://127.0.0.1:1",
        "dubbo.reference.com.douyin.api.user.UserService.lazy=true",
        "dubbo.reference.com.douyin.api.relation.FollowChangeSink.url=dubbo://127.0.0.1:1",
        "dubbo.reference.com.douyin.api.relation.FollowChangeSink.lazy=true",
        "spring.datasource.url=" + ItDatabase.SERVER_URL + FollowWriteBehindIT.DATABASE + ItDatabase.OPTIONS,
        "spring.datasource.username=" + ItDatabase.USER,
        "spring.datasource.password=" + ItDatabase.PASSWORD,
        "douyin.redis.address=" + ItDatabase.REDIS,
        "douyin.redis.database=" + FollowWriteBehindIT.REDIS_DATABASE,
        "douyin.relation.write-behind-group=douyin-relation-write-behind-it-writes",
})
@DirtiesContext // closed after the class: its subclass on a Redis Cluster starts the same consumers, which a JVM holds once
class FollowWriteBehindIT {

    static final String DATABASE = "douyin_it_relation_writes";
    static final int REDIS_DATABASE = 6;
    /** Users from here on exist (the user provider knows them); below, they do not. */
    static final long FIRST_USER = 10_000;

    /** Stopped when the JVM ends: the cached Spring contexts that use it live as long (a subclass runs on a Redis Cluster). */
    private static final NameServerWithoutTopics nameServer = NameServerWithoutTopics.untilExit();
    private static final AtomicLong nextUser = new AtomicLong(FIRST_USER);

    @TestConfiguration
    static class WithoutBroker {
        /** Replaces the template RocketMQAutoConfiguration would make (it backs off for this name). */
        @Bean
        RecordingBroker rocketMQTemplate() {
            return new RecordingBroker();
        }
    }

    /** The user provider as the action asks it whether a user exists: every ID from FIRST_USER on. */
    static final class Users implements UserService {
        @Override
        public List<UserDTO> getUsers(List<Long> userIds) {
            return userIds.stream().filter(id -> id >= FIRST_USER).map(id -> new UserDTO(id, "u" + id, "", "", "", 0, 0, 0, 0, 0)).toList();
        }

        @Override
        public UserDTO getUser(long userId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AuthDTO register(String username, String password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AuthDTO login(String username, String password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AuthDTO refresh(String refreshToken) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void changePassword(long userId, String sessionId, String currentPassword, String newPassword) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void logout(long userId, String sessionId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public UserDTO updateProfile(long userId, ProfileChange change) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Long> searchByName(String keyword, int offset, int count) {
            throw new UnsupportedOperationException();
        }
    }

    /** The user provider's counters as the synchronous path reaches them: each change it was handed, or a refusal while down. */
    static final class RecordingSink implements FollowChangeSink {
        final List<FollowChangedEvent> applied = new CopyOnWriteArrayList<>();
        volatile boolean down;

        @Override
        public void apply(FollowChangedEvent change) {
            if (down) {
                throw new IllegalStateException("No provider available");
            }
            applied.add(change);
        }

        List<FollowChangedEvent> by(long followerId) {
            return applied.stream().filter(change -> change.followerId() == followerId).toList();
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

    @Autowired FollowActionService actions;
    @Autowired FollowQueryService queries;
    @Autowired FollowWriteBehindConsumer writeBehind;
    @Autowired FollowDirectWriter direct;
    @Autowired FollowMapper follows;
    @Autowired RecordingBroker broker;
    @Autowired JdbcTemplate jdbc;
    @Autowired RedissonClient redisson;

    private final RecordingSink userCounters = new RecordingSink();

    /** The Dubbo references to the user provider, as this test's. */
    @BeforeEach
    void theUserProvider() {
        ReflectionTestUtils.setField(targetOf(actions), "users", new Users());
        ReflectionTestUtils.setField(targetOf(direct), "userCounters", userCounters);
        broker.down(false);
        sent(); // none left from another test
    }

    private static Object targetOf(Object bean) {
        Object target = AopProxyUtils.getSingletonTarget(bean);
        return target != null ? target : bean;
    }

    /** A user no other test uses (who exists). */
    private static long newUser() {
        return nextUser.incrementAndGet();
    }

    /** The follower's rows as followee to following (1) or not (0). */
    private Map<Long, Long> rowsOf(long followerId) {
        return jdbc.query("SELECT followee_id, following FROM follow WHERE follower_id = ?",
                (rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)), followerId).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The pair's row as (following, followed_at, change_seq), or null if there is none. */
    private List<Long> row(long followerId, long followeeId) {
        List<List<Long>> rows = jdbc.query("SELECT following, followed_at, change_seq FROM follow WHERE follower_id = ? AND followee_id = ?",
                (rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)), followerId, followeeId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The follower's rows, every column a change could move (updated_at included), in pair order. */
    private List<Map<String, Object>> fullRowsOf(long followerId) {
        return jdbc.queryForList("SELECT follower_id, followee_id, following, followed_at, change_seq, updated_at FROM follow"
                + " WHERE follower_id = ? ORDER BY followee_id", followerId);
    }

    private List<FollowChangedEvent> sent() {
        return broker.take(Topics.RELATION, FollowChangedEvent.class);
    }

    private long cachedCounter(long userId, String field) {
        return Long.parseLong((String) redisson.getMap("user:counters:" + userId, StringCodec.INSTANCE).get(field));
    }

    private void cacheCounters(long userId) {
        redisson.getMap("user:counters:" + userId, StringCodec.INSTANCE).putAll(Map.of("follow_count", "0", "follower_count", "0"));
    }

    /** Each step of a script (followee, +1 or -1) in a millisecond of its own, so a list's order is the steps' order. */
    private static void play(List<long[]> script, BiConsumer<Long, Integer> step) {
        for (long[] s : script) {
            step.accept(s[0], (int) s[1]);
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void change(long followerId, long followeeId, int delta) {
        if (delta > 0) {
            actions.follow(followerId, followeeId);
        } else {
            actions.unfollow(followerId, followeeId);
        }
    }

    @Test
    void followsOfTheActionReachTheRowsThroughTheBrokerAndTheWriteBehind() {
        long ann = newUser();
        long bob = newUser();
        long cid = newUser();
        cacheCounters(ann);
        cacheCounters(bob);

        actions.follow(ann, bob);
        actions.follow(bob, ann);
        actions.follow(ann, cid);
        actions.unfollow(ann, cid);
        List<FollowChangedEvent> sent = sent();

        assertThat(sent).extracting(FollowChangedEvent::followerId, FollowChangedEvent::followeeId, FollowChangedEvent::delta)
                .containsExactly(tuple(ann, bob, 1), tuple(bob, ann, 1), tuple(ann, cid, 1), tuple(ann, cid, -1));
        assertThat(rowsOf(ann)).as("nothing in MySQL before the write-behind").isEmpty();

        writeBehind.consume(sent);

        assertThat(rowsOf(ann)).isEqualTo(Map.of(bob, 1L, cid, 0L));
        assertThat(rowsOf(bob)).isEqualTo(Map.of(ann, 1L));
        FollowChangedEvent annFollowsBob = sent.get(0);
        assertThat(row(ann, bob)).as("followed_at is the follow's millisecond")
                .containsExactly(1L, annFollowsBob.sequence() / 1000, annFollowsBob.sequence());
        assertThat(row(ann, cid).get(2)).as("the unfollow's sequence, the latest").isEqualTo(sent.get(3).sequence());
        assertThat(cachedCounter(ann, "follow_count")).isEqualTo(1);
        assertThat(cachedCounter(ann, "follower_count")).isEqualTo(1);
        assertThat(cachedCounter(bob, "follower_count")).isEqualTo(1);
        assertThat(userCounters.applied).as("the broker's path: the user provider consumes the events itself").isEmpty();
    }

    /** What the rows give once the write-behind stored them: followers, following and friends, as while Redis is out. */
    @Test
    void theStoredRowsGiveTheFollowerFollowingAndFriendListsRedisGives() {
        long ann = newUser();
        long bob = newUser();
        long cid = newUser();
        long dan = newUser();
        actions.follow(ann, bob);
        actions.follow(bob, ann);
        actions.follow(cid, ann);
        actions.follow(ann, cid);
        actions.follow(dan, ann);
        actions.follow(ann, dan);
        actions.unfollow(dan, ann); // ann follows dan, not back
        writeBehind.consume(sent());

        assertThat(queries.followers(ann, 0, 10)).as("followers, most recent first (always from the rows)").containsExactly(cid, bob);
        assertThat(follows.followingPage(ann, 0, 10)).as("following, by the rows").containsExactly(dan, cid, bob)
                .isEqualTo(queries.following(ann, 0, 10));
        assertThat(follows.friendsPage(ann, 0, 10)).as("friends, by the rows").containsExactly(cid, bob)
                .isEqualTo(queries.friends(ann, 0, 10));
        assertThat(follows.friendsPage(dan, 0, 10)).isEmpty();
        assertThat(queries.friends(dan, 0, 10)).isEmpty();

        redisson.getKeys().delete(FollowedUsers.setKey(ann)); // Redis lost ann's set: rebuilt from the rows
        assertThat(queries.following(ann, 0, 10)).containsExactly(dan, cid, bob);
        assertThat(queries.followingAmong(ann, List.of(bob, cid, dan, ann))).containsExactlyInAnyOrder(bob, cid, dan);
    }

    @Test
    void aRepeatedFollowOrUnfollowSendsNothingAndMovesNoCounter() {
        long ann = newUser();
        long bob = newUser();
        long cid = newUser();
        cacheCounters(bob);

        actions.follow(ann, bob);
        actions.follow(ann, bob);
        actions.unfollow(ann, cid); // never followed
        List<FollowChangedEvent> sent = sent();

        assertThat(sent).singleElement().satisfies(event -> assertThat(event.followeeId()).isEqualTo(bob));
        writeBehind.consume(sent);
        assertThat(rowsOf(ann)).isEqualTo(Map.of(bob, 1L));
        assertThat(cachedCounter(bob, "follower_count")).isEqualTo(1);
    }

    @Test
    void followingOneselfOrAnUnknownUserIsRefusedAndStoresNothing() {
        long ann = newUser();
        long unknown = FIRST_USER - 1;
        int sendsBefore = broker.attempts();

        assertThatThrownBy(() -> actions.follow(ann, ann))
                .satisfies(e -> assertThat(((DouyinException) e).errorCode()).isEqualTo(ErrorCode.FOLLOW_SELF));
        assertThatThrownBy(() -> actions.follow(ann, unknown))
                .satisfies(e -> assertThat(((DouyinException) e).errorCode()).isEqualTo(ErrorCode.USER_NOT_FOUND));
        actions.unfollow(ann, ann);

        assertThat(broker.attempts()).as("nothing sent").isEqualTo(sendsBefore);
        assertThat(queries.following(ann, 0, 10)).isEmpty();
        assertThat(rowsOf(ann)).isEmpty();
    }

    /** A batch is redelivered whole when it failed after its rows were stored: stored again, it changes nothing. */
    @Test
    void theSameBatchAppliedTwiceChangesNoRow() throws Exception {
        long ann = newUser();
        long bob = newUser();
        long cid = newUser();
        actions.follow(ann, bob);
        actions.follow(ann, cid);
        actions.unfollow(ann, cid);
        List<FollowChangedEvent> batch = sent();
        writeBehind.consume(batch);
        List<Map<String, Object>> once = fullRowsOf(ann);

        Thread.sleep(5); // a row written again would show a later updated_at
        writeBehind.consume(batch);
        writeBehind.consume(List.of(batch.get(1), batch.get(0))); // the follow of cid again, after its unfollow

        assertThat(once).hasSize(2);
        assertThat(fullRowsOf(ann)).isEqualTo(once);
    }

    /** Batches may overtake each other: a pair's older change, stored after a newer one, leaves the row as the newer one made it. */
    @Test
    void anOlderChangeStoredAfterANewerOneLeavesTheRowAlone() {
        long ann = newUser();
        long bob = newUser();
        actions.follow(ann, bob);
        actions.unfollow(ann, bob);
        actions.follow(ann, bob);
        List<FollowChangedEvent> changes = sent();
        FollowChangedEvent firstFollow = changes.get(0);
        FollowChangedEvent unfollow = changes.get(1);
        FollowChangedEvent secondFollow = changes.get(2);

        writeBehind.consume(List.of(unfollow));
        writeBehind.consume(List.of(firstFollow));
        assertThat(row(ann, bob)).as("the unfollow stands").containsExactly(0L, unfollow.sequence() / 1000, unfollow.sequence());
        assertThat(follows.followersPage(bob, 0, 10)).doesNotContain(ann);

        writeBehind.consume(List.of(secondFollow));
        writeBehind.consume(List.of(unfollow, firstFollow));
        assertThat(row(ann, bob)).as("the second follow stands")
                .containsExactly(1L, secondFollow.sequence() / 1000, secondFollow.sequence());
        assertThat(follows.followersPage(bob, 0, 10)).containsExactly(ann);
    }

    /**
     * With the broker down a follow takes the synchronous path: its row is there when the call
     * returns and the user provider is handed the change (its counters), leaving no outbox entry.
     */
    @Test
    void withTheBrokerDownAFollowIsStoredAtOnceAndHandedToTheUserProvider() {
        long ann = newUser();
        long bob = newUser();
        broker.down(true);

        actions.follow(ann, bob);

        assertThat(broker.sends()).as("nothing went through the broker").isEmpty();
        assertThat(rowsOf(ann)).isEqualTo(Map.of(bob, 1L));
        assertThat(queries.followers(bob, 0, 10)).containsExactly(ann);
        assertThat(userCounters.by(ann)).singleElement().satisfies(change -> {
            assertThat(change.followeeId()).isEqualTo(bob);
            assertThat(change.delta()).isEqualTo(1);
            assertThat(row(ann, bob).get(2)).isEqualTo(change.sequence());
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM relation_outbox WHERE event_key LIKE ?", Long.class, "follow:" + ann + ":%"))
                .isZero();
    }

    /**
     * If the user provider cannot be reached either, the change waits in the outbox, committed with
     * its row, and is handed on by the retry once it answers.
     */
    @Test
    void aChangeTheUserProviderDidNotConfirmWaitsInTheOutboxUntilTheRetryHandsItOn() {
        long ann = newUser();
        long bob = newUser();
        broker.down(true);
        userCounters.down = true;

        actions.follow(ann, bob);

        assertThat(rowsOf(ann)).isEqualTo(Map.of(bob, 1L));
        long sequence = row(ann, bob).get(2);
        String key = "follow:" + ann + ":" + bob + ":" + sequence;
        assertThat(jdbc.queryForList("SELECT event_key, payload FROM relation_outbox WHERE event_key LIKE ?", "follow:" + ann + ":%"))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.get("event_key")).isEqualTo(key);
                    assertThat(entry.get("payload")).isEqualTo("{\"followerId\":" + ann + ",\"followeeId\":" + bob + ",\"delta\":1,\"sequence\":"
                            + sequence + "}");
                });

        userCounters.down = false;
        direct.retryPending();

        assertThat(userCounters.by(ann)).extracting(FollowChangedEvent::eventKey).containsOnly(key);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM relation_outbox WHERE event_key LIKE ?", Long.class, "follow:" + ann + ":%"))
                .isZero();
    }

    /**
     * The same follows and unfollows, made by one user through the broker and the write-behind, by
     * another on the synchronous path (broker down), and by a third deciding in MySQL (Redis out):
     * the three leave the same rows and the same lists.
     */
    @Test
    void theBrokersPathTheSynchronousPathAndMysqlsDecisionStoreTheSameRows() {
        long viaBroker = newUser();
        long synchronous = newUser();
        long inMysql = newUser();
        long bob = newUser();
        long cid = newUser();
        long dan = newUser();
        long eve = newUser();
        List<long[]> script = List.of(new long[] {bob, +1}, new long[] {cid, +1}, new long[] {bob, -1}, new long[] {dan, +1},
                new long[] {dan, +1}, new long[] {eve, -1}, new long[] {cid, -1}, new long[] {cid, +1});

        play(script, (followee, delta) -> change(viaBroker, followee, delta));
        writeBehind.consume(sent());
        broker.down(true);
        play(script, (followee, delta) -> change(synchronous, followee, delta));
        play(script, (followee, delta) -> direct.changeInMysql(inMysql, followee, delta));

        Map<Long, Long> expected = Map.of(bob, 0L, cid, 1L, dan, 1L);
        assertThat(rowsOf(viaBroker)).isEqualTo(expected);
        assertThat(rowsOf(synchronous)).isEqualTo(expected);
        assertThat(rowsOf(inMysql)).as("and a row, not following, for the unfollow of someone never followed")
                .isEqualTo(Map.of(bob, 0L, cid, 1L, dan, 1L, eve, 0L));
        for (long user : List.of(viaBroker, synchronous, inMysql)) {
            assertThat(follows.followingPage(user, 0, 10)).as("user %d follows, most recent first", user).containsExactly(cid, dan);
        }
        assertThat(follows.followersPage(cid, 0, 10)).containsExactly(inMysql, synchronous, viaBroker);
        assertThat(userCounters.by(synchronous)).extracting(FollowChangedEvent::delta).as("one change per real change")
                .containsExactly(1, 1, -1, 1, -1, 1);
        assertThat(userCounters.by(inMysql)).extracting(FollowChangedEvent::delta).containsExactly(1, 1, -1, 1, -1, 1);
    }
}
