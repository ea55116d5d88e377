package com.douyin.e2e;

import static com.douyin.e2e.ApiClient.form;
import static com.douyin.e2e.ApiClient.get;
import static com.douyin.e2e.ApiClient.ids;
import static com.douyin.e2e.ApiClient.newAccount;
import static com.douyin.e2e.ApiClient.ok;
import static com.douyin.e2e.ApiClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.e2e.ApiClient.Account;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Follows through the gateway, checked against the rows and counters they must leave. */
@ExtendWith(DouyinSystem.class)
class RelationApiEndToEndIT {

    static final long ASSISTANT = 1;

    static JsonNode relation(Account who, long toUserId, int actionType) throws Exception {
        return ok(post("/douyin/relation/action/", form("token", who.token(), "to_user_id", Long.toString(toUserId),
                "action_type", Integer.toString(actionType))));
    }

    private static JsonNode user(long userId, Account viewer) throws Exception {
        return ok(get("/douyin/user/?user_id=" + userId + "&token=" + viewer.token())).get("user");
    }

    private static JsonNode list(String which, Account owner, Account viewer) throws Exception {
        return ok(get("/douyin/relation/" + which + "/list/?user_id=" + owner.id() + "&token=" + viewer.token())).get("user_list");
    }

    /** Followers are paged from MySQL, which the write-behind reaches a moment after the answer. */
    private static JsonNode awaitFollowers(Account owner, Account viewer, int expected) throws Exception {
        JsonNode followers = list("follower", owner, viewer);
        for (long deadline = System.currentTimeMillis() + 10_000; followers.size() != expected && System.currentTimeMillis() < deadline; ) {
            Thread.sleep(200);
            followers = list("follower", owner, viewer);
        }
        return followers;
    }

    @Test
    void followTwiceCountsOnceAndUnfollowUndoesIt() throws Exception {
        Account fan = newAccount();
        Account star = newAccount();
        user(star.id(), fan); // cached: a follow moves the cached counts at once

        assertThat(relation(fan, star.id(), 1).get("status_code").asInt()).isZero();
        assertThat(relation(fan, star.id(), 1).get("status_code").asInt()).as("a repeat").isZero();
        JsonNode seen = user(star.id(), fan);
        assertThat(seen.get("follower_count").asLong()).isEqualTo(1);
        assertThat(seen.get("is_follow").asBoolean()).isTrue();
        assertThat(user(star.id(), star).get("is_follow").asBoolean()).isFalse();
        assertThat(user(fan.id(), fan).get("follow_count").asLong()).isEqualTo(1);
        JsonNode following = list("follow", fan, fan);
        assertThat(ids(following)).containsExactly(star.id());
        assertThat(following.get(0).get("is_follow").asBoolean()).isTrue();
        assertThat(ids(awaitFollowers(star, star, 1))).containsExactly(fan.id());
        try (SystemStores stores = new SystemStores()) {
            assertThat(stores.await(1, "SELECT following FROM follow WHERE follower_id = ? AND followee_id = ?", fan.id(), star.id())).isEqualTo(1);
            assertThat(stores.await(1, "SELECT follower_count FROM user WHERE id = ?", star.id())).isEqualTo(1);
            assertThat(stores.await(1, "SELECT follow_count FROM user WHERE id = ?", fan.id())).isEqualTo(1);
        }

        assertThat(relation(fan, star.id(), 2).get("status_code").asInt()).isZero();
        assertThat(relation(fan, star.id(), 2).get("status_code").asInt()).as("a repeat").isZero();
        assertThat(user(star.id(), fan).get("follower_count").asLong()).isZero();
        assertThat(user(star.id(), fan).get("is_follow").asBoolean()).isFalse();
        assertThat(list("follow", fan, fan)).isEmpty();
        assertThat(awaitFollowers(star, star, 0)).isEmpty();
        try (SystemStores stores = new SystemStores()) {
            assertThat(stores.await(0, "SELECT follower_count FROM user WHERE id = ?", star.id())).isZero();
            assertThat(stores.await(0, "SELECT follow_count FROM user WHERE id = ?", fan.id())).isZero();
            assertThat(stores.await(0, "SELECT following FROM follow WHERE follower_id = ? AND followee_id = ?", fan.id(), star.id())).isZero();
        }
    }

    @Test
    void followingYourselfAnUnknownUserOrWithoutLoginIsRefused() throws Exception {
        Account me = newAccount();
        JsonNode self = relation(me, me.id(), 1);
        assertThat(self.get("status_code").asInt()).isNotZero();
        assertThat(self.get("status_msg").asText()).contains("yourself");
        JsonNode unknown = relation(me, 987654321L, 1);
        assertThat(unknown.get("status_code").asInt()).isNotZero();
        assertThat(unknown.get("status_msg").asText()).contains("does not exist");
        assertThat(ok(post("/douyin/relation/action/", form("token", me.token(), "to_user_id", "5", "action_type", "3")))
                .get("status_code").asInt()).isNotZero();
        assertThat(ok(post("/douyin/relation/action/", form("to_user_id", "5", "action_type", "1")))
                .get("status_msg").asText()).contains("log in");
        assertThat(ok(get("/douyin/relation/follow/list/?user_id=" + me.id() + "&count=0")).get("status_code").asInt()).isNotZero();
        assertThat(user(me.id(), me).get("follow_count").asLong()).isZero();
    }

    @Test
    void friendsAreMutualFollowsWithTheLatestMessageAndTheAssistantComesFirst() throws Exception {
        Account a = newAccount();
        Account b = newAccount();
        Account onlyFan = newAccount();
        relation(a, b.id(), 1);
        relation(b, a.id(), 1);
        relation(onlyFan, a.id(), 1);
        assertThat(ok(post("/douyin/message/action/", form("token", a.token(), "to_user_id", Long.toString(b.id()),
                "action_type", "1", "content", "see you at eight"))).get("status_code").asInt()).isZero();

        JsonNode ofA = ok(get("/douyin/relation/friend/list/?user_id=" + a.id() + "&token=" + a.token())).get("user_list");
        assertThat(ids(ofA)).containsExactly(ASSISTANT, b.id());
        JsonNode friendB = ofA.get(1);
        assertThat(friendB.get("message").asText()).isEqualTo("see you at eight");
        assertThat(friendB.get("msgType").asInt()).as("a sent it").isEqualTo(1);
        assertThat(friendB.get("is_follow").asBoolean()).isTrue();
        assertThat(friendB.get("follower_count").isNumber()).isTrue();
        assertThat(ofA.get(0).get("message").asText()).isEmpty();

        JsonNode ofB = ok(get("/douyin/relation/friend/list/?user_id=" + b.id() + "&token=" + b.token())).get("user_list");
        assertThat(ids(ofB)).containsExactly(ASSISTANT, a.id());
        assertThat(ofB.get(1).get("message").asText()).isEqualTo("see you at eight");
        assertThat(ofB.get(1).get("msgType").asInt()).as("b received it").isZero();

        relation(b, a.id(), 2);
        assertThat(ids(ok(get("/douyin/relation/friend/list/?user_id=" + a.id() + "&token=" + a.token())).get("user_list")))
                .containsExactly(ASSISTANT);
    }

    /**
     * 500 follow/unfollow requests from 25 users at once on one star; each user's own requests go
     * in order, so its last one is its final state. Counters in MySQL end equal to the rows.
     */
    @Test
    void concurrentFollowsAndUnfollowsLeaveCountsEqualToRows() throws Exception {
        Account star = newAccount();
        user(star.id(), star); // cached, so the Redis counter is checked too
        List<Account> fans = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            fans.add(newAccount());
        }
        ExecutorService pool = Executors.newFixedThreadPool(25);
        List<Future<Boolean>> finalStates = new ArrayList<>();
        for (int i = 0; i < fans.size(); i++) {
            Account fan = fans.get(i);
            Random random = new Random(i);
            finalStates.add(pool.submit(() -> {
                boolean follows = false;
                for (int n = 0; n < 20; n++) {
                    follows = random.nextBoolean();
                    assertThat(relation(fan, star.id(), follows ? 1 : 2).get("status_code").asInt()).isZero();
                }
                return follows;
            }));
        }
        List<Boolean> states = new ArrayList<>();
        long expected = 0;
        for (Future<Boolean> state : finalStates) {
            states.add(state.get());
            if (states.get(states.size() - 1)) expected++;
        }
        pool.shutdown();

        assertThat(user(star.id(), star).get("follower_count").asLong()).as("cached count").isEqualTo(expected);
        try (SystemStores stores = new SystemStores()) {
            assertThat(stores.await(expected, "SELECT COUNT(*) FROM follow WHERE followee_id = ? AND following = 1", star.id()))
                    .isEqualTo(expected);
            assertThat(stores.await(expected, "SELECT follower_count FROM user WHERE id = ?", star.id())).isEqualTo(expected);
            for (int i = 0; i < fans.size(); i++) {
                long follows = states.get(i) ? 1 : 0;
                assertThat(stores.await(follows, "SELECT follow_count FROM user WHERE id = ?", fans.get(i).id()))
                        .as("follow_count of fan %d", i).isEqualTo(follows);
            }
        }
    }
}
