package com.douyin.api.cache;

/**
 * The Redis keys of login sessions. The user provider writes them all; the gateway reads one,
 * {@link #revoked}, on every authenticated request, rather than asking the user provider over
 * Dubbo. Every key of a session carries the session ID as a hash tag, so a script can touch them
 * together on a Redis cluster.
 */
public final class SessionKeys {

    private SessionKeys() {
    }

    /** Present (for as long as an access token lives) once the session was revoked. */
    public static String revoked(String sessionId) {
        return "auth:revoked:{" + sessionId + "}";
    }

    /** The session: its user and its state (active, revoked). */
    public static String session(String sessionId) {
        return "auth:session:{" + sessionId + "}";
    }

    /** A refresh token of the session, by its SHA-256: user, session, used (0/1). */
    public static String refreshToken(String sessionId, String tokenHash) {
        return "auth:refresh:{" + sessionId + "}:" + tokenHash;
    }

    /** The IDs of a user's sessions. */
    public static String userSessions(long userId) {
        return "auth:user-sessions:" + userId;
    }
}
