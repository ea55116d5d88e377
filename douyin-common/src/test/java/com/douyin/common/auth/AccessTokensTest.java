package com.douyin.common.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.common.testing.MovableClock;
import com.douyin.common.testing.RandomSecret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

    private static final String SECRET = RandomSecret.next();
    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

    private static AccessTokens tokensAt(Instant instant, String secret) {
        return new AccessTokens(new TokenProperties(secret, Duration.ofHours(2), null), Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void issuedTokenVerifiesToItsUser() {
        AccessTokens tokens = tokensAt(NOW, SECRET);
        assertThat(tokens.verify(tokens.issue(4242L, "s1"))).isEqualTo(new AccessClaims(4242L, "s1"));
    }

    @Test
    void expiredTokenIsRefusedAsExpired() {
        String token = tokensAt(NOW, SECRET).issue(1L, "s1");
        assertThatThrownBy(() -> tokensAt(NOW.plus(Duration.ofHours(3)), SECRET).verify(token))
                .isInstanceOf(DouyinException.class)
                .extracting(e -> ((DouyinException) e).errorCode()).isEqualTo(ErrorCode.TOKEN_EXPIRED);
    }

    @Test
    void aTokenVerifiedBeforeIsStillRefusedOnceItHasExpired() {
        MovableClock clock = new MovableClock(NOW);
        AccessTokens tokens = new AccessTokens(new TokenProperties(SECRET, Duration.ofHours(2), null), clock);
        String token = tokens.issue(7L, "s7");
        assertThat(tokens.verify(token)).isEqualTo(new AccessClaims(7L, "s7"));

        clock.set(NOW.plus(Duration.ofHours(2))); // its last valid second, as the verifier counts
        assertThat(tokens.verify(token)).isEqualTo(new AccessClaims(7L, "s7"));
        clock.set(NOW.plus(Duration.ofHours(2)).plusSeconds(1));
        assertThatThrownBy(() -> tokens.verify(token))
                .extracting(e -> ((DouyinException) e).errorCode()).isEqualTo(ErrorCode.TOKEN_EXPIRED);
    }

    @Test
    void tamperedOrForeignTokensAreInvalid() {
        AccessTokens tokens = tokensAt(NOW, SECRET);
        String token = tokens.issue(1L, "s1");
        String tampered = token.substring(0, token.length() - 3) + (token.endsWith("AAA") ? "BBB" : "AAA");
        String foreign = tokensAt(NOW, SECRET + "-other").issue(1L, "s1");
        for (String bad : new String[] {tampered, foreign, "not-a-jwt", ""}) {
            assertThatThrownBy(() -> tokens.verify(bad))
                    .extracting(e -> ((DouyinException) e).errorCode()).isEqualTo(ErrorCode.TOKEN_INVALID);
        }
    }

    @Test
    void shortSecretIsRejectedAtStartUp() {
        assertThatThrownBy(() -> new TokenProperties("short", null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOldPublishedDefaultSecretIsRejectedAtStartUp() {
        // The default douyin-shared.yaml shipped until 2026-12: anyone could sign tokens with it.
        assertThatThrownBy(() -> new TokenProperties("local-development-secret-change-me-in-production", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("published");
        assertThatThrownBy(() -> new TokenProperties(null, null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
