package com.douyin.common.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code douyin.auth.*}: the HMAC secret and lifetime of access tokens (from Nacos). */
@ConfigurationProperties("douyin.auth")
public record TokenProperties(String jwtSecret, Duration tokenTtl) {

    public TokenProperties {
        if (jwtSecret == null || jwtSecret.length() < 32) {
            throw new IllegalArgumentException("douyin.auth.jwt-secret must be at least 32 characters");
        }
        tokenTtl = tokenTtl == null ? Duration.ofDays(7) : tokenTtl;
    }
}
