package com.douyin.gateway.json;

import java.util.List;

/** {@code GET /douyin/comment/replies/}. */
public record CommentListResponse(int statusCode, String statusMsg, List<CommentJson> commentList) implements ApiResponse {
}
