package com.douyin.e2e;

import static com.douyin.e2e.ApiClient.awaitBrokerRecovered;
import static com.douyin.e2e.ApiClient.newAccount;
import static com.douyin.e2e.ApiClient.publishSample;
import static com.douyin.e2e.CommentCalls.add;
import static com.douyin.e2e.CommentCalls.commentCount;
import static com.douyin.e2e.CommentCalls.delete;
import static com.douyin.e2e.CommentCalls.list;
import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.common.testing.Launcher;
import com.douyin.e2e.ApiClient.Account;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Comments through the gateway, checked against the rows and counters they must leave. */
@ExtendWith(DouyinSystem.class)
class CommentApiEndToEndIT {

    @Test
    void aNewCommentIsListedAtOnceNewestFirstAndStored() throws Exception {
        Account author = newAccount();
        Account fan = newAccount();
        long videoId = publishSample(author, "comment on me");
        commentCount(author); // cached: a comment moves the cached count at once

        JsonNode first = add(fan, videoId, "  first!  ");
        assertThat(first.get("status_code").asInt()).isZero();
        JsonNode comment = first.get("comment");
        assertThat(comment.get("id").asLong()).isPositive();
        assertThat(comment.get("content").asText()).isEqualTo("first!");
        assertThat(comment.get("user").get("id").asLong()).isEqualTo(fan.id());
        assertThat(comment.get("create_date").asText()).matches("\\d\\d-\\d\\d");
        JsonNode second = add(author, videoId, "thanks").get("comment");

        JsonNode comments = list(videoId).get("comment_list");
        assertThat(comments).extracting(c -> c.get("id").asLong())
                .containsExactly(second.get("id").asLong(), comment.get("id").asLong());
        assertThat(commentCount(author)).isEqualTo(2);
        try (SystemStores stores = new SystemStores()) {
            assertThat(stores.await(2, "SELECT COUNT(*) FROM comment WHERE video_id = ? AND deleted = 0", videoId)).isEqualTo(2);
            assertThat(stores.await(2, "SELECT comment_count FROM video WHERE id = ?", videoId)).isEqualTo(2);
        }
    }

    @Test
    void onlyTheCommentsAuthorOrTheVideosAuthorMayDeleteAndTwiceCountsOnce() throws Exception {
        Account author = newAccount();
        Account fan = newAccount();
        Account stranger = newAccount();
        long videoId = publishSample(author, "moderated");
        commentCount(author);
        long byFan = add(fan, videoId, "mine").get("comment").get("id").asLong();
        long other = add(fan, videoId, "another").get("comment").get("id").asLong();

        JsonNode refused = delete(stranger, videoId, byFan);
        assertThat(refused.get("status_code").asInt()).isNotZero();
        assertThat(refused.get("status_msg").asText()).contains("Only the comment's author");
        assertThat(list(videoId).get("comment_list")).hasSize(2);

        JsonNode deleted = delete(fan, videoId, byFan);
        assertThat(deleted.get("status_code").asInt()).isZero();
        assertThat(deleted.get("comment").get("id").asLong()).isEqualTo(byFan);
        assertThat(delete(fan, videoId, byFan).get("status_code").asInt()).isZero(); // a repeat changes nothing
        assertThat(delete(author, videoId, other).get("status_code").asInt()).isZero(); // the video's author may

        assertThat(list(videoId).get("comment_list")).isEmpty();
        assertThat(commentCount(author)).isZero();
        try (SystemStores stores = new SystemStores()) {
            assertThat(stores.await(2, "SELECT COUNT(*) FROM comment WHERE video_id = ? AND deleted = 1", videoId)).isEqualTo(2);
            assertThat(stores.await(0, "SELECT comment_count FROM video WHERE id = ?", videoId)).isZero();
            Thread.sleep(2000); // a second decrement would land now
            assertThat(stores.queryLong("SELECT comment_count FROM video WHERE id = ?", videoId)).isZero();
        }
    }

    @Test
    void commentsKeepWorkingWhileTheBrokerIsDownAndCountOnceWhenItIsBack() throws Exception {
        Account author = newAccount();
        Account fan = newAccount();
        long videoId = publishSample(author, "broker drill for comments");
        commentCount(author);
        long before = add(fan, videoId, "before the outage").get("comment").get("id").asLong();
        Launcher.run("stop broker", "e2e-launcher", Duration.ofMinutes(2));
        long during;
        try {
            JsonNode added = add(fan, videoId, "during the outage");
            assertThat(added.get("status_code").asInt()).as("add with the broker down").isZero();
            during = added.get("comment").get("id").asLong();
            assertThat(delete(fan, videoId, before).get("status_code").asInt()).as("delete with the broker down").isZero();
            assertThat(list(videoId).get("comment_list")).extracting(c -> c.get("id").asLong()).containsExactly(during);
            try (SystemStores stores = new SystemStores()) {
                // Written synchronously: in MySQL already, with no broker.
                assertThat(stores.await(1, "SELECT COUNT(*) FROM comment WHERE id = ? AND deleted = 0", during)).isEqualTo(1);
            }
        } finally {
            Launcher.run("start broker", "e2e-launcher", Duration.ofMinutes(3));
        }
        awaitBrokerRecovered();
        add(fan, videoId, "after the outage");
        assertThat(commentCount(author)).isEqualTo(2);
        try (SystemStores stores = new SystemStores()) {
            assertThat(stores.await(2, "SELECT comment_count FROM video WHERE id = ?", videoId)).isEqualTo(2);
            assertThat(stores.await(2, "SELECT COUNT(*) FROM comment WHERE video_id = ? AND deleted = 0", videoId)).isEqualTo(2);
            assertThat(stores.await(0, "SELECT COUNT(*) FROM comment_outbox")).isZero();
            Thread.sleep(3000); // anything still in flight would land now: the count must not move
            assertThat(stores.queryLong("SELECT comment_count FROM video WHERE id = ?", videoId)).isEqualTo(2);
        }
    }

    @Test
    void badCommentsAreRefusedAndSensitiveWordsMasked() throws Exception {
        Account author = newAccount();
        long videoId = publishSample(author, "rules");
        for (String text : List.of("   ", "x".repeat(501))) {
            JsonNode refused = add(author, videoId, text);
            assertThat(refused.get("status_code").asInt()).isNotZero();
            assertThat(refused.has("comment")).isTrue();
        }
        assertThat(add(author, 987654321L, "hello").get("status_msg").asText()).contains("does not exist");
        assertThat(list(987654321L).get("status_code").asInt()).isNotZero();
        String masked = add(author, videoId, "fuck this").get("comment").get("content").asText();
        assertThat(masked).doesNotContain("fuck").endsWith(" this");
        assertThat(list(videoId).get("comment_list")).hasSize(1);
    }
}
