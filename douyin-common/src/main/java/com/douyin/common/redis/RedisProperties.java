package com.douyin.common.redis;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where Redis is: {@code douyin.redis.*} (Nacos config; local default 127.0.0.1:6379). */
@ConfigurationProperties("douyin.redis")
public record RedisProperties(String address, String password, Integer database) {

    public RedisProperties {
        address = address == null || address.isBlank() ? "redis://127.0.0.1:6379" : address;
        password = password == null || password.isBlank() ? null : password;
        database = database == null ? 0 : database;
    }
}
