package com.douyin.gateway.auth;

import com.douyin.api.cache.SessionKeys;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * Whether a login session was revoked (a password change, or a refresh token used twice), read
 * from the mark the user provider leaves in Redis ({@link SessionKeys#revoked}). Answers are kept
 * 5 s per session, so a busy client costs Redis one read per 5 s, and a revocation takes effect
 * within 5 s. If Redis cannot answer, the session counts as live: the token's signature and
 * expiry still hold, and an outage must not sign everybody out; and for 5 s Redis is not asked
 * again, so requests do not each wait for its timeout.
 */
@Component
public class RevokedSessions {

    /** After a Redis failure, how long sessions count as live without asking it. */
    private static final Duration REDIS_REST = Duration.ofSeconds(5);

    private final RedissonClient redisson;
    private volatile long redisRestsUntil;
    private final Cache<String, Boolean> recent = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(5)).maximumSize(100_000).build();

    public RevokedSessions(RedissonClient redisson) {
        this.redisson = redisson;
    }

    public boolean isRevoked(String sessionId) {
        if (sessionId.isEmpty()) {
            return false; // a token from before sessions: it expires on its own
        }
        return recent.get(sessionId, this::askRedis);
    }

    /** A session this gateway has just seen revoked (a logout through it): refused here at once. */
    public void revokedHere(String sessionId) {
        recent.put(sessionId, true);
    }

    private boolean askRedis(String sessionId) {
        if (System.currentTimeMillis() < redisRestsUntil) {
            return false; // Redis failed moments ago: no request waits for its timeout meanwhile
        }
        try {
            return redisson.getBucket(SessionKeys.revoked(sessionId), StringCodec.INSTANCE).isExists();
        } catch (RedisException unavailable) {
            redisRestsUntil = System.currentTimeMillis() + REDIS_REST.toMillis();
            return false;
        }
    }
}
