package com.douyin.gateway.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code douyin.upload.*}: direct uploads. {@code signingSecret} is the HMAC key of the upload
 * URLs the gateway signs for the local store (every gateway instance needs the same one);
 * {@code urlTtl} is how long an upload credential is valid.
 */
@ConfigurationProperties("douyin.upload")
public record UploadProperties(String signingSecret, Duration urlTtl) {

    public UploadProperties {
        if (signingSecret == null || signingSecret.length() < 32) {
            throw new IllegalArgumentException("douyin.upload.signing-secret must be at least 32 characters");
        }
        urlTtl = urlTtl == null ? Duration.ofMinutes(15) : urlTtl;
    }
}
