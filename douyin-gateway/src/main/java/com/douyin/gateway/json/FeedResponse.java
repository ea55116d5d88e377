package com.douyin.gateway.json;

import java.util.List;

/** {@code GET /douyin/feed/}. */
public record FeedResponse(int statusCode, String statusMsg, long nextTime, List<VideoJson> videoList) implements ApiResponse {
}
