package com.douyin.e2e;

import static com.douyin.e2e.ApiClient.get;
import static com.douyin.e2e.ApiClient.http;
import static com.douyin.e2e.ApiClient.ids;
import static com.douyin.e2e.ApiClient.newAccount;
import static com.douyin.e2e.ApiClient.ok;
import static com.douyin.e2e.ApiClient.postMultipart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.douyin.common.testing.LocalNacos;
import com.douyin.common.testing.SampleVideo;
import com.douyin.e2e.ApiClient.Account;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Topics through the gateway: publishing under one, a topic's feed, unknown topics, and the list changed in Nacos. */
@ExtendWith(DouyinSystem.class)
class TopicFeedEndToEndIT {

    private static final String VIDEO_CONFIG = "douyin-video.yaml";

    private static JsonNode publish(Account who, String title, String topic) throws Exception {
        return ok(postMultipart("/douyin/publish/action/", Map.of("token", who.token(), "title", title, "topic", topic),
                "data", "clip.mp4", SampleVideo.mp4()));
    }

    /** The author's videos, newest first. */
    private static JsonNode works(Account author) throws Exception {
        return ok(get("/douyin/publish/list/?user_id=" + author.id())).get("video_list");
    }

    private static void publishConfig(String yaml) throws Exception {
        assertThat(LocalNacos.publishConfig(VIDEO_CONFIG, "yaml", yaml)).as("Nacos took " + VIDEO_CONFIG).isTrue();
    }

    @Test
    void aTopicsFeedHoldsOnlyItsVideosPagedLikeTheFeedAndNeverTheWholeFeedsSharedPage() throws Exception {
        Account author = newAccount();
        assertThat(publish(author, "first game", "game").get("status_code").asInt()).isZero();
        assertThat(publish(author, "a goal", " Sport ").get("status_code").asInt()).isZero();
        assertThat(publish(author, "second game", "GAME").get("status_code").asInt()).isZero();
        assertThat(publish(author, "no topic", "").get("status_code").asInt()).isZero();
        JsonNode mine = works(author);
        assertThat(mine).extracting(v -> v.get("title").asText(), v -> v.get("topic").asText()).containsExactly(
                tuple("no topic", ""), tuple("second game", "game"),
                tuple("a goal", "sport"), tuple("first game", "game"));
        long secondGame = mine.get(1).get("id").asLong();
        long firstGame = mine.get(3).get("id").asLong();

        ok(get("/douyin/feed/")); // the whole feed's first page, now shared for a second
        JsonNode games = ok(get("/douyin/feed/?topic=game"));
        assertThat(games.get("status_code").asInt()).isZero();
        assertThat(games.get("video_list")).extracting(v -> v.get("topic").asText()).containsOnly("game");
        assertThat(ids(games.get("video_list"))).containsSubsequence(secondGame, firstGame);
        assertThat(ids(ok(get("/douyin/feed/?topic=sport")).get("video_list"))).contains(mine.get(2).get("id").asLong())
                .doesNotContain(secondGame, firstGame);

        try (SystemStores stores = new SystemStores()) {
            assertThat(stores.queryLong("SELECT COUNT(*) FROM video WHERE id IN (?, ?) AND topic = 'game'", secondGame, firstGame)).isEqualTo(2);
            long secondAt = stores.queryLong("SELECT published_at FROM video WHERE id = ?", secondGame);
            long firstAt = stores.queryLong("SELECT published_at FROM video WHERE id = ?", firstGame);
            Thread.sleep(1_100); // a time within the last second asks for the (shared) first page
            // The next page, as the app asks for it: strictly before a time, in milliseconds.
            JsonNode older = ok(get("/douyin/feed/?topic=game&latest_time=" + secondAt));
            assertThat(ids(older.get("video_list"))).startsWith(firstGame).doesNotContain(secondGame);
            assertThat(older.get("video_list")).extracting(v -> v.get("topic").asText()).containsOnly("game");
            // In seconds: answered in seconds, the page never ends inside one.
            JsonNode bySeconds = ok(get("/douyin/feed/?topic=game&latest_time=" + (firstAt / 1000 + 1)));
            assertThat(ids(bySeconds.get("video_list"))).contains(firstGame);
            assertThat(bySeconds.get("next_time").asLong()).isLessThan(100_000_000_000L);
        }
    }

    @Test
    void anUnknownTopicIsRefusedOnPublishAndOnTheFeedAndNothingIsStored() throws Exception {
        Account author = newAccount();
        JsonNode refused = publish(author, "cooking show", "cooking");
        assertThat(refused.get("status_code").asInt()).isEqualTo(30009);
        assertThat(refused.get("status_msg").asText()).contains("sport").contains("game");
        assertThat(works(author)).isEmpty();
        try (SystemStores stores = new SystemStores()) {
            assertThat(stores.queryLong("SELECT COUNT(*) FROM video WHERE author_id = ?", author.id())).isZero();
        }

        JsonNode feed = ok(get("/douyin/feed/?topic=cooking"));
        assertThat(feed.get("status_code").asInt()).isEqualTo(30009);
        assertThat(feed.get("status_msg").asText()).contains("choose one of");
    }

    @Test
    void aTopicAddedInNacosIsAcceptedWithoutARestart() throws Exception {
        String shipped = Files.readString(DouyinSystem.REPO.resolve("config-nacos").resolve(VIDEO_CONFIG));
        assertThat(ok(get("/douyin/feed/?topic=gardening")).get("status_code").asInt()).isEqualTo(30009);
        publishConfig(shipped.replace("topics: [sport,", "topics: [gardening, sport,"));
        try {
            int status = -1;
            for (long deadline = System.currentTimeMillis() + 15_000; status != 0 && System.currentTimeMillis() < deadline; Thread.sleep(500)) {
                status = ok(get("/douyin/feed/?topic=gardening")).get("status_code").asInt();
            }
            assertThat(status).as("the new topic within 15 s").isZero();
            Account author = newAccount();
            assertThat(publish(author, "tomatoes", "gardening").get("status_code").asInt()).isZero();
            assertThat(works(author).get(0).get("topic").asText()).isEqualTo("gardening");
        } finally {
            publishConfig(shipped);
        }
    }
}
