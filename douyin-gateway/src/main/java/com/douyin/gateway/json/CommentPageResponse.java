package com.douyin.gateway.json;

import java.util.List;

/** {@code GET /douyin/comment/list/}: a page of comments, and the cursor of the next ("" when nothing follows). */
public record CommentPageResponse(int statusCode, String statusMsg, String nextCursor, List<CommentJson> commentList)
        implements ApiResponse {
}
