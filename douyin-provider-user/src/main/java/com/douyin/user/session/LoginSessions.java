package com.douyin.user.session;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.cache.SessionKeys;
import com.douyin.common.auth.TokenProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.redisson.api.RBatch;
import org.redisson.api.RMapAsync;
import org.redisson.api.RScript;
import org.redisson.api.RSet;
import org.redisson.api.RSetAsync;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Login sessions and their refresh tokens, in Redis (keys: {@link SessionKeys}). A login opens a
 * session; its refresh token ({@code SESSION.SECRET}) is stored only as a SHA-256, and each use
 * rotates it: the old one is marked used, a new one issued. A used token presented again means it
 * was copied, so the whole session is revoked, and with it every access token of the session
 * (the gateway checks {@link SessionKeys#revoked}).
 */
@Service
public class LoginSessions {

    private static final Logger log = LoggerFactory.getLogger(LoginSessions.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * KEYS: the presented token's record, the next token's record, the session, its revoked mark.
     * ARGV: session ID, session lifetime (ms), access token lifetime (ms).
     * Answers {"ok", user} (rotated), {"reused"} (session revoked now) or {"invalid"}. The same
     * rotation run again (Redisson resends a command after a timeout) answers "ok" again: the used
     * record remembers which record it was rotated to.
     */
    private static final String ROTATE = """
            local user = redis.call('HGET', KEYS[1], 'user')
            if not user or redis.call('HGET', KEYS[1], 'session') ~= ARGV[1]
                or redis.call('HGET', KEYS[3], 'state') ~= 'active' then
              return {'invalid'}
            end
            if redis.call('HGET', KEYS[1], 'used') == '1' then
              if redis.call('HGET', KEYS[1], 'next') == KEYS[2] then return {'ok', user} end
              redis.call('HSET', KEYS[3], 'state', 'revoked')
              redis.call('SET', KEYS[4], '1', 'PX', ARGV[3])
              return {'reused'}
            end
            redis.call('HSET', KEYS[1], 'used', '1', 'next', KEYS[2])
            redis.call('HSET', KEYS[2], 'user', user, 'session', ARGV[1], 'used', '0')
            redis.call('PEXPIRE', KEYS[2], ARGV[2])
            redis.call('PEXPIRE', KEYS[3], ARGV[2])
            return {'ok', user}
            """;

    private final RedissonClient redisson;
    private final TokenProperties properties;

    public LoginSessions(RedissonClient redisson, TokenProperties properties) {
        this.redisson = redisson;
        this.properties = properties;
    }

    /** A session just opened: its ID and first refresh token. */
    public record Opened(String sessionId, String refreshToken) {
    }

    /** A rotation: whose session it is, and its next refresh token. */
    public record Rotated(long userId, String sessionId, String refreshToken) {
    }

    /**
     * Opens a session for {@code userId}. If Redis cannot record it, the login still succeeds,
     * with an access token alone ("" as refresh token): the client logs in again when it expires.
     */
    public Opened open(long userId) {
        String sessionId = randomToken(16);
        String refreshToken = sessionId + "." + randomToken(32);
        try {
            Duration ttl = properties.refreshTtl();
            String user = Long.toString(userId);
            RBatch batch = redisson.createBatch();
            RMapAsync<String, String> session = batch.getMap(SessionKeys.session(sessionId), StringCodec.INSTANCE);
            session.putAllAsync(Map.of("user", user, "state", "active"));
            session.expireAsync(ttl);
            RMapAsync<String, String> record = batch.getMap(SessionKeys.refreshToken(sessionId, sha256(refreshToken)), StringCodec.INSTANCE);
            record.putAllAsync(Map.of("user", user, "session", sessionId, "used", "0"));
            record.expireAsync(ttl);
            RSetAsync<String> sessions = batch.getSet(SessionKeys.userSessions(userId), StringCodec.INSTANCE);
            sessions.addAsync(sessionId);
            sessions.expireAsync(ttl);
            batch.execute();
            return new Opened(sessionId, refreshToken);
        } catch (RedisException e) {
            log.warn("Session of user {} not recorded (Redis: {}); it has no refresh token", userId, e.toString());
            return new Opened(sessionId, "");
        }
    }

    /** Exchanges a refresh token for the next one; REFRESH_TOKEN_INVALID if it is not the live one. */
    public Rotated rotate(String refreshToken) {
        String presented = refreshToken == null ? "" : refreshToken.strip();
        int dot = presented.indexOf('.');
        // A session ID is 16 random bytes in base64url: anything else is no token of ours (and a
        // brace in it would split the session's keys over a Redis Cluster's slots).
        if (dot <= 0 || !SESSION_ID.matcher(presented.substring(0, dot)).matches()) {
            throw new DouyinException(ErrorCode.REFRESH_TOKEN_INVALID);
        }
        return rotate(presented, presented.substring(0, dot) + "." + randomToken(32));
    }

    /** The rotation of {@code presented} (well formed) to {@code next}, a token of its session; the same call twice rotates once. */
    Rotated rotate(String presented, String next) {
        String sessionId = presented.substring(0, presented.indexOf('.'));
        List<Object> answer;
        try {
            answer = redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, ROTATE, RScript.ReturnType.MULTI,
                    List.of(SessionKeys.refreshToken(sessionId, sha256(presented)), SessionKeys.refreshToken(sessionId, sha256(next)),
                            SessionKeys.session(sessionId), SessionKeys.revoked(sessionId)),
                    sessionId, Long.toString(properties.refreshTtl().toMillis()), Long.toString(properties.tokenTtl().toMillis()));
        } catch (RedisException e) {
            log.warn("Refresh refused, sessions are unreachable (Redis: {})", e.toString());
            throw new DouyinException(ErrorCode.SERVICE_UNAVAILABLE);
        }
        if ("reused".equals(answer.get(0))) {
            log.warn("A used refresh token of session {} was presented again: the session is revoked", sessionId);
        }
        if (!"ok".equals(answer.get(0))) {
            throw new DouyinException(ErrorCode.REFRESH_TOKEN_INVALID);
        }
        long userId = Long.parseLong((String) answer.get(1));
        keepListed(userId, sessionId);
        return new Rotated(userId, sessionId, next);
    }

    /**
     * The user's list of sessions lives as long as the longest-lived of them: a session kept up by
     * refreshes must still be found by {@link #revokeOthers} after the list's first lifetime.
     * (Outside the script: the list is not in the session's hash slot.)
     */
    private void keepListed(long userId, String sessionId) {
        try {
            RSet<String> sessions = redisson.getSet(SessionKeys.userSessions(userId), StringCodec.INSTANCE);
            sessions.add(sessionId);
            sessions.expire(properties.refreshTtl());
        } catch (RedisException e) {
            log.warn("Session {} of user {} not kept in its list (Redis: {})", sessionId, userId, e.toString());
        }
    }

    /** Revokes every session of the user but {@code keep} (a password change signs out the other devices). */
    public void revokeOthers(long userId, String keep) {
        revoking(userId, () -> revokeAllBut(userId, keep));
    }

    /** Revokes one session of the user (its refresh token stops working, its access tokens at once). */
    public void revoke(long userId, String sessionId) {
        revoking(userId, () -> revokeSession(userId, sessionId));
    }

    /** Runs a revocation; if Redis cannot take it, the caller is told (SERVICE_UNAVAILABLE), never told it is done. */
    private void revoking(long userId, Runnable revocation) {
        try {
            revocation.run();
        } catch (RedisException e) {
            log.warn("Sessions of user {} not revoked (Redis: {})", userId, e.toString());
            throw new DouyinException(ErrorCode.SERVICE_UNAVAILABLE);
        }
    }

    private void revokeAllBut(long userId, String keep) {
        for (String sessionId : redisson.<String>getSet(SessionKeys.userSessions(userId), StringCodec.INSTANCE).readAll()) {
            if (!sessionId.equals(keep)) {
                revokeSession(userId, sessionId);
            }
        }
    }

    private void revokeSession(long userId, String sessionId) {
        redisson.getMap(SessionKeys.session(sessionId), StringCodec.INSTANCE).fastReplace("state", "revoked");
        redisson.getBucket(SessionKeys.revoked(sessionId), StringCodec.INSTANCE).set("1", properties.tokenTtl());
        redisson.getSet(SessionKeys.userSessions(userId), StringCodec.INSTANCE).remove(sessionId);
    }

    /** What {@code randomToken(16)} makes: 22 base64url characters. */
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{22}");

    private static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
