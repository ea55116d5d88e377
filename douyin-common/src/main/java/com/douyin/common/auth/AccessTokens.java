package com.douyin.common.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Signs and checks the access tokens the client sends as {@code token}: short-lived HS256 JWTs
 * whose subject is the user ID and whose {@code sid} claim names the login session they belong
 * to (see SessionKeys). The user provider signs them at login and refresh; the gateway checks
 * them locally, so no request pays an RPC for authentication.
 */
public final class AccessTokens {

    private static final String ISSUER = "douyin";
    private static final String SESSION = "sid";

    /**
     * Tokens found valid lately, with their expiry: a client sends the same token with every
     * request, and checking its signature and parsing it again cost the gateway a twentieth of a
     * like's CPU. The expiry is checked at every use; only valid tokens are kept.
     */
    private final Cache<String, Verified> verified = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(10)).build();
    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final TokenProperties properties;
    private final Clock clock;

    public AccessTokens(TokenProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.algorithm = Algorithm.HMAC256(properties.jwtSecret());
        this.verifier = ((JWTVerifier.BaseVerification) JWT.require(algorithm).withIssuer(ISSUER)).build(clock);
    }

    public String issue(long userId, String sessionId) {
        Instant now = clock.instant();
        return JWT.create()
                .withIssuer(ISSUER)
                .withSubject(Long.toString(userId))
                .withClaim(SESSION, sessionId)
                .withIssuedAt(now)
                .withExpiresAt(now.plus(properties.tokenTtl()))
                .sign(algorithm);
    }

    /**
     * Whom the token was issued to, and in which session ("" for a token from before sessions);
     * TOKEN_EXPIRED or TOKEN_INVALID otherwise. (Whether the session was revoked since is not
     * in the token: see the gateway's RevokedSessions.)
     */
    public AccessClaims verify(String token) {
        return verifyWithExpiry(token).claims();
    }

    /** {@link #verify}, with when the token expires (a connection that lives as long as its login). */
    public Verified verifyWithExpiry(String token) {
        Verified known = verified.getIfPresent(token);
        if (known != null) {
            if (clock.instant().isAfter(known.expiresAt())) { // as the verifier decides it
                throw new DouyinException(ErrorCode.TOKEN_EXPIRED);
            }
            return known;
        }
        try {
            DecodedJWT jwt = verifier.verify(token);
            String session = jwt.getClaim(SESSION).asString();
            AccessClaims claims = new AccessClaims(Long.parseLong(jwt.getSubject()), session == null ? "" : session);
            Verified valid = new Verified(claims, jwt.getExpiresAtAsInstant());
            verified.put(token, valid);
            return valid;
        } catch (TokenExpiredException e) {
            throw new DouyinException(ErrorCode.TOKEN_EXPIRED);
        } catch (JWTVerificationException | NumberFormatException e) {
            throw new DouyinException(ErrorCode.TOKEN_INVALID);
        }
    }

    /** A valid token's claims and when it expires. */
    public record Verified(AccessClaims claims, Instant expiresAt) {
    }
}
