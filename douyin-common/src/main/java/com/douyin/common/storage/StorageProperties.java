package com.douyin.common.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code douyin.storage.*}: which object store ({@code local} or {@code oss}), the local one's
 * folder, and the OSS bucket.
 */
@ConfigurationProperties("douyin.storage")
public record StorageProperties(String type, String localRoot, Oss oss) {

    public StorageProperties {
        type = type == null || type.isBlank() ? "local" : type;
        localRoot = localRoot == null || localRoot.isBlank() ? ".run/objects" : localRoot;
    }

    /**
     * An Aliyun OSS bucket. {@code pathStyle} addresses it as endpoint/bucket/key instead of
     * bucket.endpoint/key (needed for IP endpoints and S3-compatible test servers).
     */
    public record Oss(String endpoint, String bucket, String accessKeyId, String accessKeySecret, boolean pathStyle) {
    }
}
