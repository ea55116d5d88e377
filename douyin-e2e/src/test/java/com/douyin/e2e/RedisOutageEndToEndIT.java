package com.douyin.e2e;

import static com.douyin.e2e.ApiClient.form;
import static com.douyin.e2e.ApiClient.get;
import static com.douyin.e2e.ApiClient.newAccount;
import static com.douyin.e2e.ApiClient.ok;
import static com.douyin.e2e.ApiClient.post;
import static com.douyin.e2e.ApiClient.publishSample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.douyin.common.testing.Launcher;
import com.douyin.e2e.ApiClient.Account;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Redis stops in the middle: likes, comments and lists keep working from MySQL, exactly; when it
 * is back (empty, as a restarted cache is), the services use it again and rebuild what they read.
 * Needs the embedded Redis that `./douyin test` gives its system (the machine's is not ours to stop).
 */
@ExtendWith(DouyinSystem.class)
class RedisOutageEndToEndIT {

    private static JsonNode favorite(Account who, long videoId, int actionType) throws Exception {
        return ok(post("/douyin/favorite/action/", form("token", who.token(), "video_id", Long.toString(videoId),
                "action_type", Integer.toString(actionType))));
    }

    private static JsonNode comment(Account who, long videoId, String... fields) throws Exception {
        String[] pairs = new String[fields.length + 4];
        pairs[0] = "token";
        pairs[1] = who.token();
        pairs[2] = "video_id";
        pairs[3] = Long.toString(videoId);
        System.arraycopy(fields, 0, pairs, 4, fields.length);
        return ok(post("/douyin/comment/action/", form(pairs)));
    }

    /** The video as its author's list shows it to {@code viewer}. */
    private static JsonNode video(Account author, Account viewer) throws Exception {
        return ok(get("/douyin/publish/list/?user_id=" + author.id() + "&token=" + viewer.token())).get("video_list").get(0);
    }

    private static JsonNode likedVideos(Account who) throws Exception {
        return ok(get("/douyin/favorite/list/?user_id=" + who.id() + "&token=" + who.token())).get("video_list");
    }

    private static JsonNode comments(long videoId) throws Exception {
        return ok(get("/douyin/comment/list/?video_id=" + videoId)).get("comment_list");
    }

    @Test
    void likesCommentsAndListsWorkFromMysqlWhileRedisIsDownAndTheCachesRebuildWhenItIsBack() throws Exception {
        try (SystemStores stores = new SystemStores()) {
            assumeTrue(stores.redisUrl().endsWith(":16379"), "the system runs on the machine's Redis, which this drill may not stop");
        }
        Account author = newAccount();
        Account fan = newAccount();
        Account late = newAccount();
        long videoId = publishSample(author, "redis drill");
        assertThat(favorite(fan, videoId, 1).get("status_code").asInt()).isZero();
        long before = comment(fan, videoId, "action_type", "1", "comment_text", "before the outage").get("comment").get("id").asLong();
        try (SystemStores stores = new SystemStores()) { // stored before the outage starts
            assertThat(stores.await(1, "SELECT favorite_count FROM video WHERE id = ?", videoId)).isEqualTo(1);
            assertThat(stores.await(1, "SELECT comment_count FROM video WHERE id = ?", videoId)).isEqualTo(1);
        }

        Launcher.run("stop redis", "e2e-launcher", Duration.ofMinutes(1));
        long during;
        try {
            assertThat(favorite(late, videoId, 1).get("status_code").asInt()).as("like with Redis down").isZero();
            assertThat(favorite(fan, videoId, 2).get("status_code").asInt()).as("unlike with Redis down").isZero();
            assertThat(favorite(late, videoId, 1).get("status_code").asInt()).as("a repeated like").isZero();
            JsonNode added = comment(late, videoId, "action_type", "1", "comment_text", "during the outage");
            assertThat(added.get("status_code").asInt()).as("comment with Redis down").isZero();
            during = added.get("comment").get("id").asLong();
            JsonNode refused = comment(late, videoId, "action_type", "2", "comment_id", Long.toString(before));
            assertThat(refused.get("status_code").asInt()).as("a stranger's delete").isNotZero();
            assertThat(comment(fan, videoId, "action_type", "2", "comment_id", Long.toString(before)).get("status_code").asInt())
                    .as("delete with Redis down").isZero();

            assertThat(comments(videoId)).extracting(c -> c.get("id").asLong()).containsExactly(during);
            JsonNode seenByLate = video(author, late);
            assertThat(seenByLate.get("favorite_count").asLong()).isEqualTo(1);
            assertThat(seenByLate.get("comment_count").asLong()).isEqualTo(1);
            assertThat(seenByLate.get("is_favorite").asBoolean()).isTrue();
            assertThat(video(author, fan).get("is_favorite").asBoolean()).isFalse();
            assertThat(likedVideos(late)).extracting(v -> v.get("id").asLong()).containsExactly(videoId);
            assertThat(likedVideos(fan)).isEmpty();
            try (SystemStores stores = new SystemStores()) { // written synchronously, counted once
                assertThat(stores.queryLong("SELECT favorite_count FROM video WHERE id = ?", videoId)).isEqualTo(1);
                assertThat(stores.queryLong("SELECT comment_count FROM video WHERE id = ?", videoId)).isEqualTo(1);
                assertThat(stores.queryLong("SELECT liked FROM favorite WHERE user_id = ? AND video_id = ?", late.id(), videoId)).isEqualTo(1);
                assertThat(stores.queryLong("SELECT liked FROM favorite WHERE user_id = ? AND video_id = ?", fan.id(), videoId)).isZero();
                assertThat(stores.queryLong("SELECT total_favorited FROM user WHERE id = ?", author.id())).isEqualTo(1);
                assertThat(stores.queryLong("SELECT favorite_count FROM user WHERE id = ?", fan.id())).isZero();
                assertThat(stores.queryLong("SELECT COUNT(*) FROM cache_stale_key")).isPositive();
            }
        } finally {
            Launcher.run("start redis", "e2e-launcher", Duration.ofMinutes(1));
        }

        try (SystemStores stores = new SystemStores()) {
            // Back on Redis once it answers and the keys written around it are dropped.
            assertThat(stores.await(0, "SELECT COUNT(*) FROM cache_stale_key")).isZero();
            String likedSet = SystemStores.likedSetKey(late.id());
            for (long deadline = System.currentTimeMillis() + 30_000;
                 !stores.redisHasKey(likedSet) && System.currentTimeMillis() < deadline; Thread.sleep(500)) {
                assertThat(likedVideos(late)).extracting(v -> v.get("id").asLong()).containsExactly(videoId);
            }
            assertThat(stores.redisHasKey(likedSet)).as("the liked set rebuilt in Redis").isTrue();

            // The video provider caches again once it is off its own outage (each service ends its own).
            String counters = "video:counters:" + videoId;
            for (long deadline = System.currentTimeMillis() + 30_000;
                 !stores.redisHasKey(counters) && System.currentTimeMillis() < deadline; Thread.sleep(500)) {
                assertThat(video(author, late).get("favorite_count").asLong()).isEqualTo(1);
            }
            assertThat(stores.hashField(counters, "favorite_count")).as("the counters rebuilt in Redis").isEqualTo("1");
            Account third = newAccount();
            assertThat(favorite(third, videoId, 1).get("status_code").asInt()).isZero();
            assertThat(stores.hashField(counters, "favorite_count")).isEqualTo("2");
            assertThat(stores.await(2, "SELECT favorite_count FROM video WHERE id = ?", videoId)).isEqualTo(2);
            // And the comment provider once it is off its own.
            String commentSet = SystemStores.commentSetKey(videoId);
            for (long deadline = System.currentTimeMillis() + 30_000;
                 !stores.redisHasKey(commentSet) && System.currentTimeMillis() < deadline; Thread.sleep(500)) {
                assertThat(comments(videoId)).extracting(c -> c.get("id").asLong()).containsExactly(during);
            }
            assertThat(stores.redisHasKey(commentSet)).as("the comment set rebuilt in Redis").isTrue();
            assertThat(comments(videoId)).extracting(c -> c.get("id").asLong()).containsExactly(during);
            assertThat(stores.queryLong("SELECT COUNT(*) FROM favorite_outbox")).isZero();
            assertThat(stores.queryLong("SELECT COUNT(*) FROM comment_outbox")).isZero();
        }
    }
}
