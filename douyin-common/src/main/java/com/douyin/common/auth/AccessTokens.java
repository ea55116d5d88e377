package com.douyin.common.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import java.time.Clock;
import java.time.Instant;

/**
 * Signs and checks the access tokens the client sends as {@code token}: HS256 JWTs whose
 * subject is the user ID. The user provider signs them at login; the gateway checks them
 * locally, so no request pays an RPC for authentication.
 */
public final class AccessTokens {

    private static final String ISSUER = "douyin";

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

    public String issue(long userId) {
        Instant now = clock.instant();
        return JWT.create()
                .withIssuer(ISSUER)
                .withSubject(Long.toString(userId))
                .withIssuedAt(now)
                .withExpiresAt(now.plus(properties.tokenTtl()))
                .sign(algorithm);
    }

    /** The user ID the token was issued to; TOKEN_EXPIRED or TOKEN_INVALID otherwise. */
    public long verify(String token) {
        try {
            return Long.parseLong(verifier.verify(token).getSubject());
        } catch (TokenExpiredException e) {
            throw new DouyinException(ErrorCode.TOKEN_EXPIRED);
        } catch (JWTVerificationException | NumberFormatException e) {
            throw new DouyinException(ErrorCode.TOKEN_INVALID);
        }
    }
}
