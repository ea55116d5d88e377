package com.douyin.e2e;

import static com.douyin.e2e.ApiClient.form;
import static com.douyin.e2e.ApiClient.get;
import static com.douyin.e2e.ApiClient.newAccount;
import static com.douyin.e2e.ApiClient.ok;
import static com.douyin.e2e.ApiClient.post;
import static com.douyin.e2e.ApiClient.publishSample;
import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.e2e.ApiClient.Account;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Feed pages well in the past are served from the gateway's own entries (SettledFeedPages,
 * FeedEntries) and a viewer's marks are kept (ViewerMarks), yet a like, a comment or a follow
 * shows on them at once, for everyone, and the actor's own marks change at once.
 */
@ExtendWith(DouyinSystem.class)
class SettledFeedEndToEndIT {

    @Test
    void aPageFromMinutesAgoShowsLikesCommentsAndFollowsAtOnce() throws Exception {
        Account author = newAccount();
        Account fan = newAccount();
        long videoId = publishSample(author, "from minutes ago");
        awaitCover(author, videoId); // from then on, the gateway keeps the video's entry
        // Published minutes ago, as far as the feed's order is concerned: its page is settled.
        long publishedAt = System.currentTimeMillis() - 180_000 - ThreadLocalRandom.current().nextInt(1_000_000);
        try (SystemStores stores = new SystemStores()) {
            assertThat(stores.update("UPDATE video SET published_at = ? WHERE id = ?", publishedAt, videoId)).isEqualTo(1);
        }
        String page = "/douyin/feed/?latest_time=" + (publishedAt + 1);

        JsonNode before = videoOn(page, "");
        assertThat(before.get("id").asLong()).isEqualTo(videoId);
        assertThat(before.get("favorite_count").asLong()).isZero();
        assertThat(videoOn(page, "").get("comment_count").asLong()).isZero(); // twice: now from the entries
        JsonNode seenByFan = videoOn(page, fan.token()); // the fan's marks are kept from now on
        assertThat(seenByFan.get("is_favorite").asBoolean()).isFalse();
        assertThat(seenByFan.get("author").get("is_follow").asBoolean()).isFalse();

        ok(post("/douyin/favorite/action/", form("token", fan.token(), "video_id", Long.toString(videoId), "action_type", "1")));
        assertThat(videoOn(page, "").get("favorite_count").asLong()).as("the like, for anyone").isEqualTo(1);
        assertThat(videoOn(page, fan.token()).get("is_favorite").asBoolean()).isTrue();

        CommentCalls.add(fan, videoId, "seen it");
        assertThat(videoOn(page, "").get("comment_count").asLong()).as("the comment").isEqualTo(1);

        ok(post("/douyin/relation/action/", form("token", fan.token(), "to_user_id", Long.toString(author.id()), "action_type", "1")));
        assertThat(awaitAuthor(page, a -> a.get("follower_count").asLong(), 1)).as("the follow").isEqualTo(1);
        assertThat(videoOn(page, fan.token()).get("author").get("is_follow").asBoolean()).isTrue();
        // The author's total_favorited follows the like through the user provider's consumer.
        assertThat(awaitAuthor(page, a -> a.get("total_favorited").asLong(), 1)).isEqualTo(1);

        ok(post("/douyin/favorite/action/", form("token", fan.token(), "video_id", Long.toString(videoId), "action_type", "2")));
        assertThat(videoOn(page, "").get("favorite_count").asLong()).as("the unlike").isZero();
        assertThat(videoOn(page, fan.token()).get("is_favorite").asBoolean()).isFalse();
    }

    private static JsonNode videoOn(String page, String token) throws Exception {
        JsonNode feed = ok(get(page + (token.isEmpty() ? "" : "&token=" + token)));
        assertThat(feed.get("status_code").asInt()).as(feed.toString()).isZero();
        return feed.get("video_list").get(0);
    }

    /** The author's field on the page once it is {@code expected} (their counters are written a moment later), or after 10 s. */
    private static long awaitAuthor(String page, ToLongFunction<JsonNode> field, long expected) throws Exception {
        long value = field.applyAsLong(videoOn(page, "").get("author"));
        for (long deadline = System.currentTimeMillis() + 10_000; value != expected && System.currentTimeMillis() < deadline; ) {
            Thread.sleep(200);
            value = field.applyAsLong(videoOn(page, "").get("author"));
        }
        return value;
    }

    private static void awaitCover(Account author, long videoId) throws Exception {
        for (long deadline = System.currentTimeMillis() + 60_000; System.currentTimeMillis() < deadline; Thread.sleep(500)) {
            for (JsonNode v : ok(get("/douyin/publish/list/?user_id=" + author.id())).get("video_list")) {
                if (v.get("id").asLong() == videoId && !v.get("cover_url").asText().contains("default-cover")) {
                    return;
                }
            }
        }
        throw new AssertionError("no cover for video " + videoId + " within 60 s");
    }
}
