package com.douyin.common.redis;

import java.util.Arrays;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Redis is: {@code douyin.redis.*} (Nacos config; local default 127.0.0.1:6379). With
 * {@code sentinels} (comma-separated redis:// addresses of Redis Sentinels) the primary of
 * {@code sentinel-master} is whoever the Sentinels say, and {@code address} is not used.
 */
@ConfigurationProperties("douyin.redis")
public record RedisProperties(String address, String password, Integer database, String sentinels, String sentinelMaster) {

    public RedisProperties {
        address = address == null || address.isBlank() ? "redis://127.0.0.1:6379" : address;
        password = password == null || password.isBlank() ? null : password;
        database = database == null ? 0 : database;
        sentinels = sentinels == null ? "" : sentinels.strip();
        sentinelMaster = sentinelMaster == null || sentinelMaster.isBlank() ? "douyin" : sentinelMaster;
    }

    /** The Sentinels' addresses (none: one Redis at {@code address}). */
    public List<String> sentinelAddresses() {
        return Arrays.stream(sentinels.split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList();
    }
}
