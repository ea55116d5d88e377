package com.douyin.common.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RAtomicLong;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisClient;
import org.redisson.client.RedisClientConfig;
import org.redisson.client.RedisConnection;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.RedisCommands;

/**
 * Redis behind Sentinel, as `DOUYIN_REDIS_HA=sentinel ./douyin up` runs it (Debian's redis-server:
 * a primary, a replica, three Sentinels, on ports of their own): the primary is killed while a
 * client increments a counter as fast as it can, and the services' client (RedissonAutoConfiguration)
 * follows the promoted replica within seconds; increments fail only during the switch, and what
 * the switch loses is only what the dead primary acknowledged and had not yet replicated.
 */
class RedisSentinelFailoverIT {

    private static final int PRIMARY = 16390;
    private static final int REPLICA = 16391;
    /** Below the kernel's ephemeral range (32768 and up), where a client's outgoing connection may hold a port first. */
    private static final int[] SENTINELS = {26390, 26391, 26392};
    private static final String MASTER = "it-primary";
    private static final List<Process> servers = new ArrayList<>();
    private static Process primary;
    private static Path dir;

    private static Process redis(String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("redis-server"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
        servers.add(process);
        return process;
    }

    @BeforeAll
    static void startRedisBehindSentinel() throws Exception {
        dir = Files.createTempDirectory("redis-sentinel-it");
        primary = redis("primary", "--port", "" + PRIMARY, "--save", "", "--appendonly", "no", "--dbfilename", "primary.rdb");
        redis("replica", "--port", "" + REPLICA, "--save", "", "--appendonly", "no", "--dbfilename", "replica.rdb",
                "--replicaof", "127.0.0.1", "" + PRIMARY);
        for (int port : SENTINELS) {
            Path conf = dir.resolve("sentinel-" + port + ".conf");
            Files.writeString(conf, "port " + port + "\n"
                    + "sentinel monitor " + MASTER + " 127.0.0.1 " + PRIMARY + " 2\n"
                    + "sentinel down-after-milliseconds " + MASTER + " 1000\n"
                    + "sentinel failover-timeout " + MASTER + " 5000\n");
            redis("sentinel-" + port, conf.toString(), "--sentinel");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!replicaKnownToSentinels() && System.nanoTime() < deadline) { // a failover needs a replica in sync
            Thread.sleep(200);
        }
        assertThat(replicaKnownToSentinels()).as("the Sentinels see the replica").isTrue();
    }

    /**
     * The replica holds the primary's data (its first full copy takes a few seconds: the primary
     * waits for more replicas first) and the Sentinels know it and each other. Before that, a
     * failover would promote an empty replica.
     */
    private static boolean replicaKnownToSentinels() {
        Map<String, String> master = ask(SENTINELS[0], c -> c.sync(StringCodec.INSTANCE, RedisCommands.SENTINEL_MASTER, MASTER));
        Map<String, String> replication = ask(REPLICA, c -> c.sync(RedisCommands.INFO_REPLICATION));
        return master != null && "1".equals(master.get("num-slaves")) && "2".equals(master.get("num-other-sentinels"))
                && replication != null && "up".equals(replication.get("master_link_status"));
    }

    /** The first Sentinel's view of the primary (null: no answer). */
    private static Map<String, String> sentinelMaster() {
        return ask(SENTINELS[0], c -> c.sync(StringCodec.INSTANCE, RedisCommands.SENTINEL_MASTER, MASTER));
    }

    /** One command to the server on {@code port} (null: no answer). */
    private static <T> T ask(int port, java.util.function.Function<RedisConnection, T> command) {
        RedisClient client = RedisClient.create(new RedisClientConfig().setAddress("redis://127.0.0.1:" + port));
        try {
            RedisConnection connection = client.connect();
            try {
                return command.apply(connection);
            } finally {
                connection.closeAsync();
            }
        } catch (Exception e) {
            return null;
        } finally {
            client.shutdown();
        }
    }

    @AfterAll
    static void stopServers() {
        servers.forEach(Process::destroyForcibly);
    }

    private static RedisProperties properties() {
        StringBuilder sentinels = new StringBuilder();
        for (int port : SENTINELS) {
            sentinels.append(sentinels.isEmpty() ? "" : ",").append("redis://127.0.0.1:").append(port);
        }
        return new RedisProperties(null, null, 0, sentinels.toString(), MASTER, null);
    }

    @Test
    void theServicesClientFollowsThePromotedReplicaWithinSecondsAndFailsOnlyDuringTheSwitch() throws Exception {
        RedissonClient client = new RedissonAutoConfiguration().redissonClient(properties());
        RedisPing ping = new RedisPing(properties());
        try {
            RAtomicLong counter = client.getAtomicLong("storm");
            AtomicBoolean storming = new AtomicBoolean(true);
            AtomicBoolean failedSinceKill = new AtomicBoolean();
            AtomicLong lastBeforeSwitch = new AtomicLong(); // the dead primary's last acknowledged value
            AtomicLong firstAfterSwitch = new AtomicLong(); // the new primary's first
            AtomicLong killedAt = new AtomicLong(Long.MAX_VALUE);
            AtomicLong lastFailureAt = new AtomicLong();
            AtomicLong failuresAfterSwitch = new AtomicLong();
            Thread storm = new Thread(() -> {
                while (storming.get()) {
                    try {
                        long value = counter.incrementAndGet();
                        if (!failedSinceKill.get()) {
                            lastBeforeSwitch.set(value);
                        } else if (firstAfterSwitch.get() == 0) {
                            firstAfterSwitch.set(value);
                        }
                    } catch (RuntimeException e) {
                        lastFailureAt.set(System.nanoTime());
                        if (System.nanoTime() > killedAt.get()) {
                            failedSinceKill.set(true);
                        }
                        if (firstAfterSwitch.get() != 0) {
                            failuresAfterSwitch.incrementAndGet();
                        }
                    }
                }
            });
            storm.start();
            Thread.sleep(1_000);
            killedAt.set(System.nanoTime());
            primary.destroyForcibly(); // SIGKILL: no goodbye to the replica or the Sentinels
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (firstAfterSwitch.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(2_000); // writes go on at the new primary
            storming.set(false);
            storm.join();

            assertThat(firstAfterSwitch.get()).as("writes resumed after the kill").isPositive();
            double switchSeconds = (lastFailureAt.get() - killedAt.get()) / 1e9;
            assertThat(switchSeconds).as("the switch, seconds of failed writes").isLessThan(15);
            assertThat(failuresAfterSwitch.get()).as("no failure once writes resumed").isZero();
            long lost = lastBeforeSwitch.get() + 1 - firstAfterSwitch.get();
                assertThat(lost).as("acknowledged by the dead primary, not replicated (replication is asynchronous)")
                    .isBetween(0L, 100L);
            assertThat(sentinelMaster()).containsEntry("port", "" + REPLICA);
            assertThat(ping.answers()).as("the second opinion pings the new primary").isTrue();
            System.out.printf("switch: writes failed for %.1f s; increments lost: %d%n", switchSeconds, lost);
        } finally {
            ping.close();
            client.shutdown();
        }
    }
}
