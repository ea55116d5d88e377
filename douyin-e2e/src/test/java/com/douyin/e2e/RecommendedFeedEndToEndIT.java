package com.douyin.e2e;

import static com.douyin.e2e.ApiClient.get;
import static com.douyin.e2e.ApiClient.ids;
import static com.douyin.e2e.ApiClient.newAccount;
import static com.douyin.e2e.ApiClient.ok;
import static com.douyin.e2e.ApiClient.publishSample;
import static com.douyin.e2e.FavoriteApiEndToEndIT.favorite;
import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.e2e.ApiClient.Account;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The "for you" feed through the gateway ({@code GET /douyin/feed/recommended/}): its shape, paging and what it leaves out. */
@ExtendWith(DouyinSystem.class)
class RecommendedFeedEndToEndIT {

    @Test
    void aLikedVideoIsNeverRecommendedToItsLikerAndAViewersPagesDoNotRepeat() throws Exception {
        Account author = newAccount();
        List<Long> published = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            published.add(publishSample(author, "for you " + i));
        }
        Account fan = newAccount();
        Account viewer = newAccount();
        assertThat(favorite(fan, published.get(0), 1).get("status_code").asInt()).isZero();
        assertThat(favorite(viewer, published.get(1), 1).get("status_code").asInt()).isZero();

        // The model learns of the publishes and likes from the broker: nobody's ranking shows them within moments.
        JsonNode anonymous = ok(get("/douyin/feed/recommended/?count=30"));
        for (long deadline = System.currentTimeMillis() + 30_000; System.currentTimeMillis() < deadline
                && !ids(anonymous.get("video_list")).containsAll(published); Thread.sleep(500)) {
            anonymous = ok(get("/douyin/feed/recommended/?count=30"));
        }
        assertThat(anonymous.get("status_code").asInt()).isZero();
        assertThat(ids(anonymous.get("video_list"))).containsAll(published);
        JsonNode first = anonymous.get("video_list").get(ids(anonymous.get("video_list")).indexOf(published.get(0)));
        assertThat(first.get("author").get("id").asLong()).isEqualTo(author.id());
        assertThat(first.get("favorite_count").asLong()).isEqualTo(1);
        assertThat(first.get("is_favorite").asBoolean()).isFalse();

        List<Long> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode mine = ok(get("/douyin/feed/recommended/?count=2&token=" + viewer.token()));
            assertThat(mine.get("status_code").asInt()).isZero();
            mine.get("video_list").forEach(v -> assertThat(v.get("is_favorite").asBoolean()).isFalse());
            seen.addAll(ids(mine.get("video_list")));
        }
        assertThat(seen).doesNotContain(published.get(1)).doesNotHaveDuplicates();
    }

    @Test
    void nobodyPagesByCursorAndABadCursorOrCountIsRefused() throws Exception {
        JsonNode first = ok(get("/douyin/feed/recommended/?count=1"));
        assertThat(first.get("status_code").asInt()).isZero();
        assertThat(first.has("next_time")).isTrue();
        if (first.get("video_list").size() == 1) {
            String cursor = first.get("next_cursor").asText();
            assertThat(cursor).isNotEmpty();
            JsonNode second = ok(get("/douyin/feed/recommended/?count=1&cursor=" + cursor));
            assertThat(ids(second.get("video_list"))).doesNotContainAnyElementsOf(ids(first.get("video_list")));
        }
        JsonNode badCursor = ok(get("/douyin/feed/recommended/?cursor=abc"));
        assertThat(badCursor.get("status_code").asInt()).isEqualTo(10001);
        assertThat(badCursor.get("video_list")).isEmpty();
        assertThat(ok(get("/douyin/feed/recommended/?count=31")).get("status_code").asInt()).isEqualTo(10001);
        JsonNode badToken = ok(get("/douyin/feed/recommended/?count=30&token=forged"));
        assertThat(badToken.get("status_code").asInt()).isNotZero();
        assertThat(badToken.get("video_list")).isEmpty(); // refused in the feed's shape
    }

    @Test
    void theFeedRefusesInItsOwnShape() throws Exception {
        // The feed answers at once or later (its route returns either): a refusal still carries the feed's fields.
        JsonNode badTime = ok(get("/douyin/feed/?latest_time=abc"));
        assertThat(badTime.get("status_code").asInt()).isEqualTo(10001);
        assertThat(badTime.get("video_list").isArray()).isTrue();
        assertThat(badTime.get("video_list")).isEmpty();
        assertThat(badTime.has("next_time")).isTrue();
        JsonNode badToken = ok(get("/douyin/feed/?token=forged"));
        assertThat(badToken.get("status_code").asInt()).isNotZero();
        assertThat(badToken.get("video_list").isArray()).isTrue();
    }
}
