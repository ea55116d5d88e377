package com.douyin.infra.stores;

import redis.embedded.RedisServer;

/**
 * A real Redis server (the binary embedded-redis bundles) for machines without one.
 * Usage: EmbeddedRedis --port N. Keeps nothing on disk, like the CI machines' Redis.
 */
public final class EmbeddedRedis {

    public static void main(String[] argv) throws Exception {
        int port = Integer.parseInt(new Args(argv).get("port"));
        RedisServer server = RedisServer.newRedisServer()
                .port(port)
                .setting("bind 127.0.0.1")
                .setting("save \"\"")
                .setting("appendonly no")
                .build();
        server.start();
        ServerProcess.runUntilTerminated("READY redis 127.0.0.1:" + port, server::stop);
    }
}
