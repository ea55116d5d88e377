package com.douyin.gateway.json;

/**
 * Register, login and refresh. {@code refreshToken} is an extension (docs/api-extensions.md): the
 * stock client ignores it and logs in again when its token expires.
 */
public record AuthResponse(int statusCode, String statusMsg, long userId, String token, String refreshToken) implements ApiResponse {
}
