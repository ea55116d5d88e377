package com.douyin.common.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import redis.embedded.RedisServer;

/**
 * The services' Redisson client (as {@link RedissonAutoConfiguration} makes it) after Redis was
 * down for a while, against a real Redis server of the test's own that it stops and starts. Every
 * pooled connection must be back a moment after Redis is: Redisson's default reconnection
 * back-off grows to 10 s, and until a dead connection's next attempt every command it was
 * given failed ("Unable to write command into connection"), seconds after Redis answered again.
 */
class RedisReconnectIT {

    /** Calls at once, so that they spread over the whole pool. */
    private static final int CALLS = 200;

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static RedisServer redisOn(int port) throws Exception {
        return RedisServer.newRedisServer().port(port).setting("bind 127.0.0.1")
                .setting("save \"\"").setting("appendonly no").build();
    }

    /** How many of {@link #CALLS} concurrent writes failed. */
    private static long failedWrites(RedissonClient redisson) {
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            writes.add(redisson.getBucket("reconnect-it:" + i).setAsync("value").toCompletableFuture());
        }
        return writes.stream().filter(write -> {
            try {
                write.join();
                return false;
            } catch (CompletionException failed) {
                return true;
            }
        }).count();
    }

    @Test
    void everyCallSucceedsASecondAfterRedisIsBackFromALongOutage() throws Exception {
        int port = freePort();
        RedisServer server = redisOn(port);
        server.start();
        RedissonClient redisson = new RedissonAutoConfiguration()
                .redissonClient(new RedisProperties("redis://127.0.0.1:" + port, null, 0, null, null, null));
        try {
            assertThat(failedWrites(redisson)).as("before the outage").isZero();

            server.stop();
            Thread.sleep(12_000); // long enough for the default back-off to space attempts seconds apart
            server.start();
            Thread.sleep(1_500);

            assertThat(failedWrites(redisson)).as("1.5 s after Redis is back").isZero();
        } finally {
            redisson.shutdown();
            server.stop();
        }
    }
}
