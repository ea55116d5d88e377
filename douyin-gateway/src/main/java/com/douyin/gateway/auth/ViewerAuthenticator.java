package com.douyin.gateway.auth;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.common.auth.AccessClaims;
import com.douyin.common.auth.AccessTokens;
import com.douyin.gateway.web.RequestParams;
import jakarta.servlet.http.HttpServletRequest;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/**
 * Who is asking: the user of the {@code token} parameter, checked locally (no RPC): its
 * signature and expiry, and whether its session was revoked since ({@link RevokedSessions}).
 * A missing or empty token is an anonymous viewer; an invalid or expired one is an error even
 * where login is optional, as the contract says. A signed-in viewer counts as active today
 * ({@link ActiveViewers}).
 */
@Component
public class ViewerAuthenticator {

    private final AccessTokens tokens;
    private final RevokedSessions revoked;
    private final ActiveViewers active;

    public ViewerAuthenticator(AccessTokens tokens, RevokedSessions revoked, ActiveViewers active) {
        this.tokens = tokens;
        this.revoked = revoked;
        this.active = active;
    }

    public OptionalLong optionalViewer(HttpServletRequest request) {
        String token = RequestParams.optional(request, "token");
        if (token == null || token.isBlank()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(claimsOf(token).userId());
    }

    /**
     * The session of a token given outside a request parameter (a WebSocket handshake), and when the
     * token expires; throws if invalid.
     */
    public AccessTokens.Verified verify(String token) {
        if (token == null || token.isBlank()) {
            throw new DouyinException(ErrorCode.LOGIN_REQUIRED);
        }
        AccessTokens.Verified verified = tokens.verifyWithExpiry(token.strip());
        requireLive(verified.claims());
        active.seen(verified.claims().userId());
        return verified;
    }

    /** Whether the session is still signed in (not revoked since: see {@link RevokedSessions}). */
    public boolean isLive(AccessClaims claims) {
        return !revoked.isRevoked(claims.sessionId());
    }

    public long requireViewer(HttpServletRequest request) {
        return optionalViewer(request).orElseThrow(() -> new DouyinException(ErrorCode.LOGIN_REQUIRED));
    }

    /** The viewer and the session the token belongs to (a password change keeps this one). */
    public AccessClaims requireSession(HttpServletRequest request) {
        String token = RequestParams.optional(request, "token");
        if (token == null || token.isBlank()) {
            throw new DouyinException(ErrorCode.LOGIN_REQUIRED);
        }
        return claimsOf(token);
    }

    private AccessClaims claimsOf(String token) {
        AccessClaims claims = tokens.verify(token.strip());
        requireLive(claims);
        active.seen(claims.userId());
        return claims;
    }

    private void requireLive(AccessClaims claims) {
        if (!isLive(claims)) {
            throw new DouyinException(ErrorCode.SESSION_ENDED);
        }
    }
}
