package com.douyin.gateway.json;

import java.util.List;

/**
 * {@code GET /douyin/feed/}. {@code next_cursor} (an extension, docs/api-extensions.md) is the
 * (publish time, ID) of the oldest video in the page, "" when the page is empty; video_list stays
 * the last field (HeldPageJson writes it after the rest).
 */
public record FeedResponse(int statusCode, String statusMsg, long nextTime, String nextCursor, List<VideoJson> videoList)
        implements ApiResponse {
}
