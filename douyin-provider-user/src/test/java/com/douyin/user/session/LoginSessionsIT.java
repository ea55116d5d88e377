package com.douyin.user.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.cache.SessionKeys;
import com.douyin.common.auth.TokenProperties;
import com.douyin.common.testing.ItDatabase;
import com.douyin.common.testing.RandomSecret;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/** Refresh-token rotation against the machine's real Redis (the ITs' database). */
class LoginSessionsIT {

    private static RedissonClient redisson;
    private static LoginSessions sessions;

    @BeforeAll
    static void connect() {
        redisson = ItDatabase.emptyRedis();
        sessions = new LoginSessions(redisson, new TokenProperties(RandomSecret.next(), Duration.ofHours(2),
                Duration.ofDays(30)));
    }

    @AfterAll
    static void disconnect() {
        redisson.shutdown();
    }

    private static String state(String sessionId) {
        return redisson.<String, String>getMap(SessionKeys.session(sessionId), StringCodec.INSTANCE).get("state");
    }

    @Test
    void theSameRotationRunTwiceAsARedisResendWouldRotatesOnceAndKeepsTheSession() {
        LoginSessions.Opened opened = sessions.open(7001);
        String next = opened.sessionId() + ".the-next-token";

        LoginSessions.Rotated first = sessions.rotate(opened.refreshToken(), next);
        LoginSessions.Rotated again = sessions.rotate(opened.refreshToken(), next);

        assertThat(first.userId()).isEqualTo(7001);
        assertThat(again).isEqualTo(first);
        assertThat(state(opened.sessionId())).isEqualTo("active");
        assertThat(sessions.rotate(next).userId()).as("the next token is the live one").isEqualTo(7001);
    }

    @Test
    void aUsedTokenPresentedForAnotherRotationRevokesTheSession() {
        LoginSessions.Opened opened = sessions.open(7002);
        sessions.rotate(opened.refreshToken(), opened.sessionId() + ".first-next");

        assertThatThrownBy(() -> sessions.rotate(opened.refreshToken(), opened.sessionId() + ".second-next"))
                .isInstanceOfSatisfying(DouyinException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.REFRESH_TOKEN_INVALID));
        assertThat(state(opened.sessionId())).isEqualTo("revoked");
        assertThat(redisson.getBucket(SessionKeys.revoked(opened.sessionId()), StringCodec.INSTANCE).isExists()).isTrue();
    }

    /** Only a session ID of ours (22 base64url characters) is looked up: a brace in it would split its keys over a cluster's slots. */
    @Test
    void aTokenWhoseSessionIdIsNoneOfOursIsRefusedAsInvalid() {
        for (String forged : List.of("}abcdefghijklmnopqrstu.xyz", "{7}abcdefghijklmnopqrs.xyz", "short.xyz", ".xyz", "no-dot")) {
            assertThatThrownBy(() -> sessions.rotate(forged)).as(forged)
                    .isInstanceOfSatisfying(DouyinException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.REFRESH_TOKEN_INVALID));
        }
    }
}
