package com.douyin.gateway.json;

import java.util.List;

/** Search: a list of videos. */
public record VideoListResponse(int statusCode, String statusMsg, List<VideoJson> videoList) implements ApiResponse {
}
