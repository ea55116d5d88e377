package com.douyin.gateway.json;

import java.util.List;

/** Publish list and favorite list: a page of videos, and the cursor of the next ("" when nothing follows). */
public record VideoPageResponse(int statusCode, String statusMsg, String nextCursor, List<VideoJson> videoList)
        implements ApiResponse {
}
