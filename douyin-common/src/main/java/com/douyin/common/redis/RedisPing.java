package com.douyin.common.redis;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.redisson.client.RedisClient;
import org.redisson.client.RedisClientConfig;
import org.redisson.client.RedisConnection;
import org.redisson.client.protocol.RedisCommands;

/**
 * Whether Redis answers a PING on a new connection of its own: the second opinion that tells an
 * outage from a call that failed because this JVM was starved of CPU or its pool was busy.
 * Its own client (own connection, own event loop), so a busy main pool cannot fail it.
 */
public final class RedisPing implements AutoCloseable {

    private static final int BUDGET_MS = 1_000;

    private final RedisClient client;

    public RedisPing(RedisProperties properties) {
        this.client = RedisClient.create(new RedisClientConfig()
                .setAddress(properties.address())
                .setPassword(properties.password())
                .setConnectTimeout(BUDGET_MS)
                .setCommandTimeout(BUDGET_MS));
    }

    /** True if Redis answered within a second. */
    public boolean answers() {
        CompletableFuture<RedisConnection> connecting = client.connectAsync().toCompletableFuture();
        try {
            RedisConnection connection = connecting.get(BUDGET_MS, TimeUnit.MILLISECONDS);
            try {
                return "PONG".equals(connection.sync(RedisCommands.PING));
            } finally {
                connection.closeAsync();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // no answer
        }
        connecting.thenAccept(RedisConnection::closeAsync); // one made after we stopped waiting
        return false;
    }

    @Override
    public void close() {
        client.shutdown();
    }
}
