package com.douyin.gateway.json;

/** {@code GET /douyin/user/}. */
public record UserResponse(int statusCode, String statusMsg, UserJson user) implements ApiResponse {
}
