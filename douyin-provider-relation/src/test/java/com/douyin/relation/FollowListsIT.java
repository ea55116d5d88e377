package com.douyin.relation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.reset;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.relation.RelationService;
import com.douyin.common.redis.RedisOutage;
import com.douyin.common.testing.ItDatabase;
import com.douyin.common.testing.LocalNacos;
import com.douyin.common.testing.RandomSecret;
import com.douyin.common.testing.RealInfrastructure;
import com.douyin.api.event.FollowChangedEvent;
import com.douyin.writebehind.ToggleSet;
import com.douyin.relation.cache.FollowedUsers;
import com.douyin.relation.cache.FriendLists;
import com.douyin.relation.dao.FollowMapper;
import com.douyin.relation.dao.FollowRow;
import com.douyin.relation.service.FollowRowWriter;
import java.util.ArrayList;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The follow, follower and friend lists of the relation provider against the machine's real
 * MariaDB and Redis (its own database and Redis database, so it runs beside the other ITs).
 * Follows are made as the action and the write-behind make them, minus the broker (whose topic a
 * running system shares): the Redis step, and the rows where a test needs them.
 */
@ExtendWith(RealInfrastructure.class)
@SpringBootTest(properties = {
        "douyin.nacos.config-enabled=false",
        "douyin.sentinel.enabled=false",
        "seata.enabled=false",
        // A registry for the user provider's references (never called here), without registering
        // this test as a provider of the running system.
        "dubbo.registry.address=nacos://127.0.0.1:8848",
        "dubbo.registry.register=false",
        "dubbo.protocol.port=-1",
        "spring.datasource.url=" + ItDatabase.SERVER_URL + FollowListsIT.DATABASE + ItDatabase.OPTIONS,
        "spring.datasource.username=" + ItDatabase.USER,
        "spring.datasource.password=" + ItDatabase.PASSWORD,
        "douyin.redis.address=" + ItDatabase.REDIS,
        "douyin.redis.database=" + FollowListsIT.REDIS_DATABASE,
        "rocketmq.name-server=127.0.0.1:9876",
        "rocketmq.producer.group=douyin-relation-change-it",
        "douyin.relation.write-behind-group=douyin-relation-write-behind-it", // never takes a running system's events
})
@Import({RoundTrips.class, BeforeStatement.class})
class FollowListsIT {

    static final String DATABASE = "douyin_it_relation";
    static final int REDIS_DATABASE = 4;

    @Autowired JdbcTemplate jdbc;
    @Autowired SqlSessionFactory sqlSessions;
    @Autowired RelationService relations;
    @Autowired FollowedUsers followed;
    @Autowired FollowRowWriter rows;
    @Autowired FollowMapper follows;
    @Autowired RedissonClient redisson;
    @MockitoSpyBean RedisOutage outage;

    @DynamicPropertySource
    static void callerKey(DynamicPropertyRegistry registry) {
        registry.add("douyin.rpc.caller-secret", RandomSecret::next); // every service needs one to start
        LocalNacos.signInDubboRegistry(registry); // Nacos lets only its accounts subscribe
    }

    @BeforeAll
    static void freshDatabase() throws Exception {
        ItDatabase.recreate(DATABASE, REDIS_DATABASE);
    }

    /**
     * A star's follower page and a user's following page are one range of an index, read in the
     * page's order: no sort of all the star's followers, whatever the offset. So is a friend page
     * (while Redis is out), each followed user's follow back found by its key.
     */
    @Test
    void followerFollowingAndFriendPagesReadAnIndexInTheirOrderWithoutSorting() {
        long star = 7_000_000;
        long fan = 7_000_001;
        List<FollowRow> follows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            follows.add(new FollowRow(8_000_000 + i, star, i % 10 != 0, 1_000_000 + i / 3, 1));
            follows.add(new FollowRow(fan, 9_000_000 + i, i % 10 != 0, 1_000_000 + i / 3, 1));
        }
        jdbc.update("DELETE FROM follow WHERE followee_id = ? OR follower_id = ?", star, fan);
        insertRows(follows);
        jdbc.execute("ANALYZE TABLE follow");

        List<Map<String, Object>> followers = explain("followersPage", Map.of("userId", star, "offset", 2000, "count", 100));
        List<Map<String, Object>> following = explain("followingPage", Map.of("userId", fan, "offset", 2000, "count", 100));
        List<Map<String, Object>> friends = explain("friendsPage", Map.of("userId", fan, "offset", 2000, "count", 100));

        assertThat(followers).singleElement().satisfies(plan -> {
            assertThat(plan.get("key")).isEqualTo("idx_follow_followers_page");
            assertThat(String.valueOf(plan.get("Extra"))).contains("Using index").doesNotContain("filesort");
        });
        assertThat(following).singleElement().satisfies(plan -> {
            assertThat(plan.get("key")).isEqualTo("idx_follow_following_page");
            assertThat(String.valueOf(plan.get("Extra"))).contains("Using index").doesNotContain("filesort");
        });
        assertThat(friends).hasSize(2);
        assertThat(friends.get(0).get("key")).isEqualTo("idx_follow_following_page");
        assertThat(String.valueOf(friends.get(0).get("Extra"))).doesNotContain("filesort").doesNotContain("temporary");
        assertThat(friends.get(1).get("key")).isEqualTo("uk_follow_pair");
        assertThat(friends.get(1).get("type")).isEqualTo("eq_ref");
    }

    /**
     * A friend list is the users one follows who follow back, most recent follow first, however
     * their follows are known (sets in Redis, or rows only), and it costs the same few round trips
     * for a user following 10 as for one following 300: no round trip per followed user, and no
     * followed user's set loaded into Redis. Once built, a page is one round trip.
     */
    @Test
    void aFriendListIsTheMutualFollowsMostRecentFirstInTheSameRoundTripsWhateverTheUserFollows() {
        long few = 7_100_000;
        long many = 7_200_000;
        Set<Long> fewBack = followMany(few, 10);
        Set<Long> manyBack = followMany(many, 300);
        follow(7_000_998, 7_000_999);
        relations.friends(7_000_998, 0, 10); // every script this takes now known to Redis, as in a running provider

        List<Long> fewFriends = new ArrayList<>();
        List<Long> manyFriends = new ArrayList<>();
        RoundTrips.Count fewCost = RoundTrips.of(() -> fewFriends.addAll(relations.friends(few, 0, 500)));
        RoundTrips.Count manyCost = RoundTrips.of(() -> manyFriends.addAll(relations.friends(many, 0, 500)));

        assertThat(fewFriends).isEqualTo(relations.following(few, 0, 500).stream().filter(fewBack::contains).toList()).hasSize(3);
        assertThat(manyFriends).isEqualTo(relations.following(many, 0, 500).stream().filter(manyBack::contains).toList()).hasSize(100);
        assertThat(manyCost).as("round trips of a first read, following 300 vs 10").isEqualTo(fewCost);
        assertThat(manyCost.redis()).isLessThanOrEqualTo(6);
        assertThat(manyCost.mysql()).isLessThanOrEqualTo(1);
        assertThat(redisson.getKeys().countExists(manyBack.stream().map(FollowedUsers::setKey).toArray(String[]::new)))
                .as("sets of followed users now in Redis: only those who followed someone themselves").isEqualTo(50);

        assertThat(RoundTrips.of(() -> assertThat(relations.friends(many, 10, 20)).isEqualTo(manyFriends.subList(10, 30))))
                .as("a page of a built list").isEqualTo(new RoundTrips.Count(1, 0));
        assertThat(redisson.getKeys().remainTimeToLive(FriendLists.key(many))).isBetween(1L, Duration.ofMinutes(12).toMillis());
        assertThat(follows.friendsPage(many, 0, 500)).as("the rows' answer, while Redis is out").isEqualTo(manyFriends);
    }

    /**
     * A follow or unfollow shows at once in both users' friend lists, before its row is written
     * (rows come later, through the broker): the change's Lua step drops both lists.
     */
    @Test
    void aFollowOrUnfollowShowsAtOnceInBothUsersFriendLists() {
        long ann = 7_300_001;
        long bob = 7_300_002;
        long cid = 7_300_003;
        flip(bob, ann, +1);
        assertThat(relations.friends(ann, 0, 100)).as("built and kept: bob follows ann, not back").isEmpty();
        assertThat(relations.friends(bob, 0, 100)).isEmpty();

        flip(ann, bob, +1);
        assertThat(relations.friends(ann, 0, 100)).containsExactly(bob);
        assertThat(relations.friends(bob, 0, 100)).containsExactly(ann);

        flip(cid, ann, +1);
        flip(ann, cid, +1);
        assertThat(relations.friends(ann, 0, 100)).as("most recent follow first").containsExactly(cid, bob);

        flip(bob, ann, -1);
        assertThat(relations.friends(ann, 0, 100)).containsExactly(cid);
        assertThat(relations.friends(bob, 0, 100)).isEmpty();
    }

    /**
     * A friend list built while a follow changes is not kept: here fay follows eve back in the
     * middle of the build of eve's list (while it asks the rows about gus), and the next read shows
     * her. The change took the build's lease away, so the list built without her was not stored.
     */
    @Test
    void aFriendListBuiltWhileAFollowChangesIsNotKept() {
        long eve = 7_400_000;
        long fay = 7_400_001;
        long gus = 7_400_002;
        flip(fay, 7_399_999, +1); // fay's set in Redis, without eve
        storeRow(gus, eve, +1, System.currentTimeMillis() * 1000); // gus follows eve, known by the row only
        flip(eve, fay, +1);
        flip(eve, gus, +1);

        BeforeStatement.once("followersAmong", () -> flip(fay, eve, +1));
        assertThat(relations.friends(eve, 0, 10)).as("built as the follows were when it began").containsExactly(gus);
        assertThat(relations.friends(eve, 0, 10)).containsExactly(gus, fay);
    }

    /**
     * {@code user} follows {@code count} new users (IDs after {@code user}), in order. Every third
     * of them follows back: half of those by a follow of their own (their set in Redis), half known
     * only by the row (their set not in Redis, as after Redis lost it). The others have sets in
     * Redis without {@code user}. Answers those who follow back.
     */
    private Set<Long> followMany(long user, int count) {
        Set<Long> back = new HashSet<>();
        for (int i = 1; i <= count; i++) {
            long other = user + i;
            if (i % 3 == 0) {
                back.add(other);
                if (back.size() % 2 == 0) {
                    follow(other, user);
                } else {
                    storeRow(other, user, +1, System.currentTimeMillis() * 1000);
                }
            } else {
                follow(other, user - 1); // someone else
            }
            follow(user, other);
        }
        return back;
    }

    /** A follow's Redis step, as the action takes it: what every read sees at once. */
    private ToggleSet.Flip flip(long follower, long followee, int delta) {
        return followed.flip(ToggleSet.newFlipId(), follower, followee, delta);
    }

    /** A follow as the action and then the write-behind make it: the Redis step, then the row. */
    private void follow(long follower, long followee) {
        storeRow(follower, followee, +1, flip(follower, followee, +1).sequence());
    }

    private void storeRow(long follower, long followee, int delta, long sequence) {
        rows.store(List.of(new FollowChangedEvent(follower, followee, delta, sequence)));
    }

    /** Whom a user follows and since when (the following feed's question): most recent first, from Redis or from the rows alike. */
    @Test
    void followingSinceAnswersTheFollowTimesMostRecentFirstWithRedisAndWithout() {
        long user = 7_500_000;
        long[] followees = {7_500_001, 7_500_002, 7_500_003};
        for (long followee : followees) {
            follow(user, followee);
            sleepAMillisecond();
        }
        flip(user, followees[1], -1);
        sleepAMillisecond();
        flip(user, followees[1], +1); // followed again in Redis; its row (the write-behind lags here) says unfollowed
        jdbc.update("UPDATE follow SET following = 0 WHERE follower_id = ? AND followee_id = ?", user, followees[1]);
        Map<Long, Long> fromRedis = relations.followingSince(user);
        assertThat(fromRedis.keySet()).containsExactly(followees[1], followees[2], followees[0]);
        assertThat(new ArrayList<>(fromRedis.values())).isSortedAccordingTo(Comparator.reverseOrder())
                .allSatisfy(at -> assertThat(at).isCloseTo(System.currentTimeMillis(), within(60_000L)));

        doAnswer(call -> call.<Supplier<?>>getArgument(1).get()).when(outage).redisOrElse(any(Supplier.class), any(Supplier.class));
        try { // Redis out: the rows answer
            Map<Long, Long> fromRows = relations.followingSince(user);
            assertThat(fromRows.keySet()).containsExactly(followees[2], followees[0]);
            assertThat(fromRows.get(followees[2])).isEqualTo(fromRedis.get(followees[2]));
        } finally {
            reset(outage);
        }
    }

    private static void sleepAMillisecond() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Deeper than the cap, a page is refused (the gateway answers it as status_code 10001), never read. */
    @Test
    void aPageBeyondTheOffsetCapIsRefused() {
        for (Runnable page : List.<Runnable>of(() -> relations.followers(1, 10_001, 10),
                () -> relations.following(1, 10_001, 10), () -> relations.friends(1, 10_001, 10))) {
            assertThatThrownBy(page::run).isInstanceOf(DouyinException.class).hasMessage("offset must be 0 to 10000.")
                    .satisfies(e -> assertThat(((DouyinException) e).errorCode()).isEqualTo(ErrorCode.BAD_REQUEST));
        }
        assertThat(relations.followers(1, 10_000, 10)).isEmpty();
    }

    /** Follow rows as the write-behind stores them, 500 a statement. */
    private void insertRows(List<FollowRow> follows) {
        for (int from = 0; from < follows.size(); from += 500) {
            List<FollowRow> chunk = follows.subList(from, Math.min(follows.size(), from + 500));
            List<Object> args = new ArrayList<>();
            chunk.forEach(r -> args.addAll(List.of(r.followerId(), r.followeeId(), r.following(), r.followedAt(), r.changeSeq())));
            jdbc.update("INSERT INTO follow (follower_id, followee_id, following, followed_at, change_seq) VALUES "
                    + String.join(",", Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?)")), args.toArray());
        }
    }

    /** MariaDB's plan (a row per table) of the query of a {@link FollowMapper} method, as MyBatis sends it. */
    private List<Map<String, Object>> explain(String mapperMethod, Map<String, Object> params) {
        BoundSql query = sqlSessions.getConfiguration()
                .getMappedStatement(FollowMapper.class.getName() + "." + mapperMethod).getBoundSql(params);
        Object[] args = query.getParameterMappings().stream().map(p -> params.get(p.getProperty())).toArray();
        return jdbc.queryForList("EXPLAIN " + query.getSql(), args);
    }
}
