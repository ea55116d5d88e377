package com.douyin.gateway.json;

import java.util.List;

/** Publish list, favorite list and search: a list of videos. */
public record VideoListResponse(int statusCode, String statusMsg, List<VideoJson> videoList) implements ApiResponse {
}
