package com.douyin.e2e;

import static com.douyin.e2e.ApiClient.get;
import static com.douyin.e2e.ApiClient.ids;
import static com.douyin.e2e.ApiClient.newAccount;
import static com.douyin.e2e.ApiClient.ok;
import static com.douyin.e2e.ApiClient.publishSample;
import static com.douyin.e2e.RelationApiEndToEndIT.relation;
import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.e2e.ApiClient.Account;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The following feed through the gateway ({@code GET /douyin/feed/following/}). {@code ./douyin test}
 * starts the system with a push threshold of 3 followers (DOUYIN_FEED_PUSH_THRESHOLD), so one
 * author here is pushed into inboxes and the other is read at read time.
 */
@ExtendWith(DouyinSystem.class)
class FollowingFeedEndToEndIT {

    private static JsonNode following(Account viewer, String more) throws Exception {
        return ok(get("/douyin/feed/following/?token=" + viewer.token() + more));
    }

    @Test
    void withoutATokenTheFeedIsRefusedAndAnAccountThatFollowsNobodyGetsAnEmptyList() throws Exception {
        JsonNode refused = ok(get("/douyin/feed/following/"));
        assertThat(refused.get("status_code").asInt()).isNotZero();
        assertThat(refused.get("status_msg").asText()).isNotBlank();

        JsonNode empty = following(newAccount(), "");
        assertThat(empty.get("status_code").asInt()).isZero();
        assertThat(empty.get("video_list")).isEmpty();
        assertThat(empty.get("next_time").asLong()).isPositive();
    }

    @Test
    void theFollowedAccountsVideosNewestFirstFromAnAuthorBelowAndOneAboveThePushThreshold() throws Exception {
        Account viewer = newAccount();
        Account ordinary = newAccount();
        Account star = newAccount();
        long ordinaryOld = publishSample(ordinary, "before the follow");
        relation(viewer, ordinary.id(), 1);
        relation(viewer, star.id(), 1);
        for (int i = 0; i < 2; i++) {
            relation(newAccount(), star.id(), 1); // three followers: at the threshold
        }
        assertThat(ids(following(viewer, "").get("video_list"))).containsExactly(ordinaryOld); // a follow shows at once

        long starNew = publishSample(star, "for my fans");
        long ordinaryNew = publishSample(ordinary, "after the follow");
        try (SystemStores stores = new SystemStores()) {
            String inbox = "feed:inbox:{" + viewer.id() + "}";
            for (long deadline = System.currentTimeMillis() + 30_000; System.currentTimeMillis() < deadline
                    && !stores.sortedSetHolds(inbox, ordinaryNew + ":" + ordinary.id()); ) {
                Thread.sleep(200);
            }
            assertThat(stores.sortedSetHolds(inbox, ordinaryNew + ":" + ordinary.id()))
                    .as("the ordinary author's publish is pushed into the viewer's inbox").isTrue();
            // The star's publish came first: by now it was pushed, or (3 followers at ./douyin test's threshold) not.
            boolean starPulled = stores.setHolds("feed:pulled-authors", Long.toString(star.id()));
            assertThat(stores.sortedSetHolds(inbox, starNew + ":" + star.id())).isNotEqualTo(starPulled);
            if ("3".equals(System.getenv("DOUYIN_FEED_PUSH_THRESHOLD"))) {
                assertThat(starPulled).as("an author with 3 followers is read at read time").isTrue();
            }
        }
        JsonNode page = following(viewer, "");
        assertThat(ids(page.get("video_list"))).containsExactly(ordinaryNew, starNew, ordinaryOld);
        JsonNode newest = page.get("video_list").get(0);
        assertThat(newest.get("author").get("id").asLong()).isEqualTo(ordinary.id());
        assertThat(newest.get("author").get("is_follow").asBoolean()).isTrue();
        assertThat(newest.get("title").asText()).isEqualTo("after the follow");

        // Paged as the feed: next_cursor and next_time (strictly before the oldest one's time) go on after it.
        assertThat(following(viewer, "&cursor=" + page.get("next_cursor").asText()).get("video_list")).isEmpty();
        assertThat(following(viewer, "&latest_time=" + page.get("next_time").asLong()).get("video_list")).isEmpty();
        assertThat(ids(following(viewer, "&latest_time=" + page.get("next_time").asLong() / 1000 * 1000 + 1000).get("video_list")))
                .contains(ordinaryOld);

        // An unfollow hides the author's videos at once, a follow again shows them at once.
        relation(viewer, ordinary.id(), 2);
        assertThat(ids(following(viewer, "").get("video_list"))).containsExactly(starNew);
        relation(viewer, ordinary.id(), 1);
        assertThat(ids(following(viewer, "").get("video_list"))).containsExactly(ordinaryNew, starNew, ordinaryOld);
    }
}
