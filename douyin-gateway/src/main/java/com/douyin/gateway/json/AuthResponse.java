package com.douyin.gateway.json;

/** Register and login. */
public record AuthResponse(int statusCode, String statusMsg, long userId, String token) implements ApiResponse {
}
