package com.douyin.gateway.config;

import com.douyin.common.auth.PublishedSecrets;
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
        PublishedSecrets.requireUsable("douyin.upload.signing-secret", signingSecret);
        urlTtl = urlTtl == null ? Duration.ofMinutes(15) : urlTtl;
    }
}
