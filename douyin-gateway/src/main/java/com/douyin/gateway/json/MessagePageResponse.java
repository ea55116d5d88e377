package com.douyin.gateway.json;

import java.util.List;

/** {@code GET /douyin/message/search/}: a page of the viewer's messages, and the cursor of the next ("" when nothing follows). */
public record MessagePageResponse(int statusCode, String statusMsg, String nextCursor, List<MessageJson> messageList)
        implements ApiResponse {
}
