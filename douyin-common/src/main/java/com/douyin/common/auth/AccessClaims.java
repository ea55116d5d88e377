package com.douyin.common.auth;

/** What a valid access token says: its user, and the login session it belongs to ("" if none). */
public record AccessClaims(long userId, String sessionId) {
}
