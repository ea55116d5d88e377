package com.douyin.common.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code douyin.auth.*} (from Nacos): the HMAC secret (data ID douyin-secrets.yaml, one per
 * installation), the lifetime of access tokens (default 2 h), and how long a session lasts without
 * a refresh (default 30 days).
 */
@ConfigurationProperties("douyin.auth")
public record TokenProperties(String jwtSecret, Duration tokenTtl, Duration refreshTtl) {

    public TokenProperties {
        PublishedSecrets.requireUsable("douyin.auth.jwt-secret", jwtSecret);
        tokenTtl = tokenTtl == null ? Duration.ofHours(2) : tokenTtl;
        refreshTtl = refreshTtl == null ? Duration.ofDays(30) : refreshTtl;
    }
}
