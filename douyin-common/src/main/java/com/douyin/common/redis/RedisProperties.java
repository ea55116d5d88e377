package com.douyin.common.redis;

import java.util.Arrays;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Redis is: {@code douyin.redis.*} (Nacos config; local default 127.0.0.1:6379). With
 * {@code sentinels} (comma-separated redis:// addresses of Redis Sentinels) the primary of
 * {@code sentinel-master} is whoever the Sentinels say, and {@code address} is not used. With
 * {@code cluster} (comma-separated redis:// addresses of some nodes of a Redis Cluster) the
 * cluster's primaries hold the keys by their slots, and {@code address} is not used either; a
 * cluster has one database, 0.
 */
@ConfigurationProperties("douyin.redis")
public record RedisProperties(String address, String password, Integer database, String sentinels, String sentinelMaster,
                              String cluster) {

    public RedisProperties {
        address = address == null || address.isBlank() ? "redis://127.0.0.1:6379" : address;
        password = password == null || password.isBlank() ? null : password;
        database = database == null ? 0 : database;
        sentinels = sentinels == null ? "" : sentinels.strip();
        sentinelMaster = sentinelMaster == null || sentinelMaster.isBlank() ? "douyin" : sentinelMaster;
        cluster = cluster == null ? "" : cluster.strip();
        if (!cluster.isEmpty() && !sentinels.isEmpty()) {
            throw new IllegalArgumentException("douyin.redis: either sentinels or cluster, not both");
        }
        if (!cluster.isEmpty() && database != 0) {
            throw new IllegalArgumentException("douyin.redis.database must be 0 with a Redis Cluster, not " + database);
        }
    }

    /** The Sentinels' addresses (none: one Redis at {@code address}). */
    public List<String> sentinelAddresses() {
        return addresses(sentinels);
    }

    /** The addresses of the cluster's nodes given (none: no cluster). */
    public List<String> clusterAddresses() {
        return addresses(cluster);
    }

    private static List<String> addresses(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList();
    }
}
