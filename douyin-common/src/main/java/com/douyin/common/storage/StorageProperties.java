package com.douyin.common.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code douyin.storage.*}: which object store, and for the local one, its folder. */
@ConfigurationProperties("douyin.storage")
public record StorageProperties(String type, String localRoot) {

    public StorageProperties {
        type = type == null || type.isBlank() ? "local" : type;
        localRoot = localRoot == null || localRoot.isBlank() ? ".run/objects" : localRoot;
    }
}
