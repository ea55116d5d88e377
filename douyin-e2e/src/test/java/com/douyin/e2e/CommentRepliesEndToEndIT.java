package com.douyin.e2e;

import static com.douyin.e2e.ApiClient.newAccount;
import static com.douyin.e2e.ApiClient.publishSample;
import static com.douyin.e2e.CommentCalls.add;
import static com.douyin.e2e.CommentCalls.commentCount;
import static com.douyin.e2e.CommentCalls.delete;
import static com.douyin.e2e.CommentCalls.list;
import static com.douyin.e2e.CommentCalls.replies;
import static com.douyin.e2e.CommentCalls.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.douyin.e2e.ApiClient.Account;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Replies to comments through the gateway, checked against the rows and the video's comment_count. */
@ExtendWith(DouyinSystem.class)
class CommentRepliesEndToEndIT {

    @Test
    void repliesAreListedUnderTheirCommentOldestFirstAndCountedInTheVideo() throws Exception {
        Account author = newAccount();
        Account fan = newAccount();
        long videoId = publishSample(author, "ask me anything");
        commentCount(author); // cached: every change moves the cached count at once

        JsonNode top = add(fan, videoId, "what camera?");
        assertThat(top.get("status_msg").asText()).isEqualTo("Commented."); // the stock client's answer, as before
        long topId = top.get("comment").get("id").asLong();
        assertThat(top.get("comment").get("parent_id").asLong()).isZero();
        JsonNode answer = reply(author, videoId, topId, "a phone");
        assertThat(answer.get("status_code").asInt()).isZero();
        assertThat(answer.get("status_msg").asText()).isEqualTo("Replied.");
        assertThat(answer.get("comment").get("parent_id").asLong()).isEqualTo(topId);
        assertThat(answer.get("comment").get("reply_count").asLong()).isZero();
        long answerId = answer.get("comment").get("id").asLong();
        JsonNode followUp = reply(fan, videoId, answerId, "which one?"); // a reply to a reply: the same thread
        assertThat(followUp.get("comment").get("parent_id").asLong()).isEqualTo(topId);
        long followUpId = followUp.get("comment").get("id").asLong();
        long other = add(author, videoId, "thanks for watching").get("comment").get("id").asLong();

        JsonNode comments = list(videoId).get("comment_list");
        assertThat(comments).extracting(c -> c.get("id").asLong(), c -> c.get("reply_count").asLong(), c -> c.get("parent_id").asLong())
                .containsExactly(tuple(other, 0L, 0L), tuple(topId, 2L, 0L));
        JsonNode thread = replies(topId, "");
        assertThat(thread.get("status_code").asInt()).isZero();
        assertThat(thread.get("comment_list")).extracting(c -> c.get("id").asLong()).containsExactly(answerId, followUpId);
        assertThat(thread.get("comment_list").get(0).get("user").get("id").asLong()).isEqualTo(author.id());
        assertThat(thread.get("comment_list").get(0).get("content").asText()).isEqualTo("a phone");
        assertThat(replies(topId, "&offset=1&count=1").get("comment_list")).extracting(c -> c.get("id").asLong()).containsExactly(followUpId);
        assertThat(replies(topId, "&count=101").get("status_code").asInt()).isNotZero();
        assertThat(replies(answerId, "").get("comment_list")).isEmpty();

        assertThat(commentCount(author)).as("comment_count counts replies").isEqualTo(4);
        try (SystemStores stores = new SystemStores()) {
            assertThat(stores.await(4, "SELECT comment_count FROM video WHERE id = ?", videoId)).isEqualTo(4);
            assertThat(stores.await(2, "SELECT COUNT(*) FROM comment WHERE parent_id = ? AND video_id = ?", topId, videoId)).isEqualTo(2);
        }
    }

    @Test
    void aReplyToACommentOfAnotherVideoOrToADeletedOrUnknownOneIsRefused() throws Exception {
        Account author = newAccount();
        Account fan = newAccount();
        long videoId = publishSample(author, "here");
        long otherVideoId = publishSample(author, "there");
        commentCount(author);
        long elsewhere = add(fan, otherVideoId, "on the other video").get("comment").get("id").asLong();
        long gone = add(fan, videoId, "soon gone").get("comment").get("id").asLong();
        assertThat(delete(fan, videoId, gone).get("status_code").asInt()).isZero();

        JsonNode wrongVideo = reply(fan, videoId, elsewhere, "hello?");
        assertThat(wrongVideo.get("status_code").asInt()).isEqualTo(30010);
        assertThat(wrongVideo.get("status_msg").asText()).contains("another video");
        JsonNode deleted = reply(fan, videoId, gone, "hello?");
        assertThat(deleted.get("status_code").asInt()).isEqualTo(30010);
        assertThat(deleted.get("status_msg").asText()).contains("deleted");
        assertThat(reply(fan, videoId, 123_456_789L, "hello?").get("status_code").asInt()).isEqualTo(30010);
        assertThat(replies(gone, "").get("status_code").asInt()).isEqualTo(30007);
        assertThat(replies(123_456_789L, "").get("status_code").asInt()).isEqualTo(30007);

        assertThat(list(videoId).get("comment_list")).isEmpty();
        assertThat(list(otherVideoId).get("comment_list")).extracting(c -> c.get("reply_count").asLong()).containsExactly(0L);
        try (SystemStores stores = new SystemStores()) {
            assertThat(stores.await(1, "SELECT comment_count FROM video WHERE id = ?", otherVideoId)).isOne();
            assertThat(stores.await(1, "SELECT COUNT(*) FROM comment WHERE id = ? AND deleted = 1", gone)).isOne();
            assertThat(stores.queryLong("SELECT COUNT(*) FROM comment WHERE video_id IN (?, ?) AND parent_id <> 0", videoId, otherVideoId)).isZero();
            assertThat(stores.queryLong("SELECT comment_count FROM video WHERE id = ?", videoId)).isZero();
        }
    }

    @Test
    void deletingACommentHidesItsRepliesAndKeepsTheCountExact() throws Exception {
        Account author = newAccount();
        Account fan = newAccount();
        long videoId = publishSample(author, "threads");
        commentCount(author);
        long thread = add(fan, videoId, "a thread").get("comment").get("id").asLong();
        long first = reply(author, videoId, thread, "first reply").get("comment").get("id").asLong();
        reply(fan, videoId, thread, "second reply");
        long kept = add(author, videoId, "kept").get("comment").get("id").asLong();
        assertThat(commentCount(author)).isEqualTo(4);

        JsonNode deleted = delete(fan, videoId, thread);
        assertThat(deleted.get("status_code").asInt()).isZero();
        assertThat(deleted.get("comment").get("id").asLong()).isEqualTo(thread);
        assertThat(list(videoId).get("comment_list")).extracting(c -> c.get("id").asLong()).containsExactly(kept);
        assertThat(replies(thread, "").get("status_code").asInt()).isEqualTo(30007);
        JsonNode hidden = delete(author, videoId, first); // gone with its thread: nothing to delete
        assertThat(hidden.get("status_code").asInt()).isZero();
        assertThat(hidden.get("comment").isNull()).isTrue();
        assertThat(commentCount(author)).isEqualTo(1);

        try (SystemStores stores = new SystemStores()) {
            assertThat(stores.await(1, "SELECT comment_count FROM video WHERE id = ?", videoId)).isOne();
            assertThat(stores.await(1, "SELECT deleted FROM comment WHERE id = ?", thread)).isOne();
            Thread.sleep(2000); // a second decrement would land now
            assertThat(stores.queryLong("SELECT comment_count FROM video WHERE id = ?", videoId)).isOne();
        }
    }
}
