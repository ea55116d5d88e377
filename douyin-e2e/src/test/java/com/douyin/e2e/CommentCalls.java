package com.douyin.e2e;

import static com.douyin.e2e.ApiClient.form;
import static com.douyin.e2e.ApiClient.get;
import static com.douyin.e2e.ApiClient.ok;
import static com.douyin.e2e.ApiClient.post;

import com.douyin.e2e.ApiClient.Account;
import com.fasterxml.jackson.databind.JsonNode;

/** The comment routes as the end-to-end tests call them. */
final class CommentCalls {

    private CommentCalls() {
    }

    static JsonNode add(Account who, long videoId, String text) throws Exception {
        return ok(post("/douyin/comment/action/", form("token", who.token(), "video_id", Long.toString(videoId),
                "action_type", "1", "comment_text", text)));
    }

    static JsonNode reply(Account who, long videoId, long parentId, String text) throws Exception {
        return ok(post("/douyin/comment/action/", form("token", who.token(), "video_id", Long.toString(videoId),
                "action_type", "1", "comment_text", text, "parent_id", Long.toString(parentId))));
    }

    static JsonNode delete(Account who, long videoId, long commentId) throws Exception {
        return ok(post("/douyin/comment/action/", form("token", who.token(), "video_id", Long.toString(videoId),
                "action_type", "2", "comment_id", Long.toString(commentId))));
    }

    static JsonNode list(long videoId) throws Exception {
        return ok(get("/douyin/comment/list/?video_id=" + videoId));
    }

    static JsonNode replies(long commentId, String paging) throws Exception {
        return ok(get("/douyin/comment/replies/?comment_id=" + commentId + paging));
    }

    /** The comment_count of the author's latest video, as the author's works list shows it. */
    static long commentCount(Account author) throws Exception {
        return ok(get("/douyin/publish/list/?user_id=" + author.id())).get("video_list").get(0).get("comment_count").asLong();
    }
}
