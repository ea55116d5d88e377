package com.douyin.gateway.json;

/** {@code POST /douyin/comment/action/}: the new comment, or the deleted one (null if it was already gone). */
public record CommentActionResponse(int statusCode, String statusMsg, CommentJson comment) implements ApiResponse {
}
