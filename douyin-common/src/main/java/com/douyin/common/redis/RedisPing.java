package com.douyin.common.redis;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.redisson.client.RedisClient;
import org.redisson.client.RedisClientConfig;
import org.redisson.client.RedisConnection;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.RedisCommands;
import org.redisson.cluster.ClusterNodeInfo;

/**
 * Whether Redis answers a PING on a new connection of its own: the second opinion that tells an
 * outage from a call that failed because this JVM was starved of CPU or its pool was busy.
 * Its own client (own connection, own event loop), so a busy main pool cannot fail it. Behind
 * Redis Sentinel it pings the primary the Sentinels name now: while they have not promoted a
 * replica in place of a dead primary, Redis does not answer. In a Redis Cluster it asks the nodes
 * given whether the cluster serves every slot ({@code cluster_state:ok}): while a dead primary's
 * slots have no promoted replica, it does not; and, since the cluster marks a primary failed only
 * after its node timeout, it pings every primary holding slots too.
 */
public final class RedisPing implements AutoCloseable {

    private static final int BUDGET_MS = 1_000;

    private final RedisProperties properties;
    private final RedisClient client;
    /** One client per Sentinel (none: one Redis at the address). */
    private final List<RedisClient> sentinels;
    /** One client per cluster node given (none: no cluster). */
    private final List<RedisClient> clusterNodes;
    /** A client per primary a cluster node listed, made on first use. */
    private final Map<String, RedisClient> primaries = new ConcurrentHashMap<>();

    public RedisPing(RedisProperties properties) {
        this.properties = properties;
        this.client = client(properties.address());
        this.sentinels = properties.sentinelAddresses().stream().map(sentinel -> RedisClient.create(new RedisClientConfig()
                .setAddress(sentinel) // (Sentinels answer without the password of the servers they watch)
                .setConnectTimeout(BUDGET_MS)
                .setCommandTimeout(BUDGET_MS))).toList();
        this.clusterNodes = properties.clusterAddresses().stream().map(this::client).toList();
    }

    private RedisClient client(String address) {
        return RedisClient.create(new RedisClientConfig()
                .setAddress(address)
                .setPassword(properties.password())
                .setConnectTimeout(BUDGET_MS)
                .setCommandTimeout(BUDGET_MS));
    }

    /** True if Redis (the Sentinels' primary, behind Sentinel; a cluster serving all its slots) answered within a second. */
    public boolean answers() {
        if (!clusterNodes.isEmpty()) {
            return clusterServesAllSlots();
        }
        if (sentinels.isEmpty()) {
            return pings(client);
        }
        for (RedisClient sentinel : sentinels) {
            String primary;
            try {
                RedisConnection connection = sentinel.connect();
                try {
                    Map<String, String> master = connection.sync(StringCodec.INSTANCE, RedisCommands.SENTINEL_MASTER, properties.sentinelMaster());
                    primary = "redis://" + master.get("ip") + ":" + master.get("port");
                } finally {
                    connection.closeAsync();
                }
            } catch (Exception e) {
                continue; // the next Sentinel
            }
            RedisClient primaryClient = client(primary); // (the primary moves: a client for the one named now)
            try {
                return pings(primaryClient);
            } finally {
                primaryClient.shutdown();
            }
        }
        return false;
    }

    /**
     * Whether the cluster serves every slot: the first node given that answers says so, and every
     * primary holding slots that it lists answers a PING. A primary that died is marked failed only
     * after the node timeout, and until then the state still says ok while its slots answer nothing.
     */
    private boolean clusterServesAllSlots() {
        for (RedisClient node : clusterNodes) {
            List<String> listed = asks(node, connection -> {
                Map<String, String> info = connection.sync(StringCodec.INSTANCE, RedisCommands.CLUSTER_INFO);
                if (!"ok".equals(info.get("cluster_state"))) {
                    return List.<String>of();
                }
                return connection.sync(RedisCommands.REDIS_CLUSTER_NODES).stream()
                        .filter(n -> n.containsFlag(ClusterNodeInfo.Flag.MASTER) && !n.getSlotRanges().isEmpty())
                        .map(n -> "redis://" + n.getAddress().getHost() + ":" + n.getAddress().getPort())
                        .toList();
            });
            if (listed != null) { // this node answered
                return !listed.isEmpty() && listed.stream().allMatch(primary -> pings(primaries.computeIfAbsent(primary, this::client)));
            }
        }
        return false;
    }

    private static boolean pings(RedisClient client) {
        return Boolean.TRUE.equals(asks(client, connection -> "PONG".equals(connection.sync(RedisCommands.PING))));
    }

    /** {@code question}'s answer on a new connection of {@code client}; null if none came within the budget. */
    private static <T> T asks(RedisClient client, Function<RedisConnection, T> question) {
        CompletableFuture<RedisConnection> connecting = client.connectAsync().toCompletableFuture();
        try {
            RedisConnection connection = connecting.get(BUDGET_MS, TimeUnit.MILLISECONDS);
            try {
                return question.apply(connection);
            } finally {
                connection.closeAsync();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // no answer
        }
        connecting.thenAccept(RedisConnection::closeAsync); // one made after we stopped waiting
        return null;
    }

    @Override
    public void close() {
        client.shutdown();
        sentinels.forEach(RedisClient::shutdown);
        clusterNodes.forEach(RedisClient::shutdown);
        primaries.values().forEach(RedisClient::shutdown);
    }
}
