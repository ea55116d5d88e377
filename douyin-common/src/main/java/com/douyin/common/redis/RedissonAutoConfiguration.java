package com.douyin.common.redis;

import io.micrometer.tracing.Tracer;
import java.time.Duration;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.BaseConfig;
import org.redisson.config.Config;
import org.redisson.config.ReadMode;
import org.redisson.config.ConstantDelay;
import org.redisson.config.EqualJitterDelay;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** One Redisson client per service, for caches, bloom filters, locks and leases. */
@AutoConfiguration
@ConditionalOnClass(Redisson.class)
@EnableConfigurationProperties(RedisProperties.class)
public class RedissonAutoConfiguration {

    @Bean(destroyMethod = "shutdown")
    @ConditionalOnMissingBean
    RedissonClient redissonClient(RedisProperties properties, ObjectProvider<Tracer> tracer) {
        RedissonClient client = redissonClient(properties);
        Tracer traces = tracer.getIfAvailable();
        return traces == null ? client : TracedRedisson.wrap(client, traces); // Redis calls as spans
    }

    /** The client as configured here, untraced (tests build one so for a server of their own). */
    public RedissonClient redissonClient(RedisProperties properties) {
        Config config = new Config();
        // On one server scripts go as EVALSHA, not their whole text every call (Redisson sends the
        // text again on NOSCRIPT). Behind Sentinel or on a cluster they go as EVAL: a server that
        // has not run a script yet (a promoted replica, a cluster's other primaries) answers
        // NOSCRIPT, and in a pipeline Redisson fails the command rather than send the text again.
        config.setUseScriptCache(properties.sentinelAddresses().isEmpty() && properties.clusterAddresses().isEmpty());
        if (!properties.sentinelAddresses().isEmpty()) {
            return Redisson.create(sentinelConfig(config, properties));
        }
        if (!properties.clusterAddresses().isEmpty()) {
            return Redisson.create(clusterConfig(config, properties));
        }
        withBudgets(config.useSingleServer(), properties)
                .setAddress(properties.address())
                .setDatabase(properties.database())
                .setConnectionMinimumIdleSize(4)
                .setConnectionPoolSize(32);
        return Redisson.create(config);
    }

    /**
     * A primary found through Redis Sentinel, with the single server's budgets and pool: every
     * command goes to the primary (a replica may lag, and a page must read its own writes), and
     * when the Sentinels promote a replica Redisson moves there (it subscribes to their
     * +switch-master). Replicas are not read, so none is kept connected beyond one connection.
     */
    private static Config sentinelConfig(Config config, RedisProperties properties) {
        withBudgets(config.useSentinelServers(), properties)
                .setMasterName(properties.sentinelMaster())
                .addSentinelAddress(properties.sentinelAddresses().toArray(String[]::new))
                .setDatabase(properties.database())
                .setReadMode(ReadMode.MASTER)
                .setCheckSentinelsList(false) // one machine's Sentinels need not see each other yet at start
                .setMasterConnectionMinimumIdleSize(4)
                .setMasterConnectionPoolSize(32)
                .setSlaveConnectionMinimumIdleSize(1)
                .setSlaveConnectionPoolSize(1);
        return config;
    }

    /**
     * A Redis Cluster, with the single server's budgets and each primary's pool: a command goes to
     * the primary of its key's slot (Redisson follows MOVED and ASK, and the cluster's failovers by
     * scanning its topology), never to a replica, for the reason Sentinel's config gives. A script's
     * keys must share a slot: each names its keys with one hash tag ({@code {...}}) where they
     * belong to one thing.
     */
    private static Config clusterConfig(Config config, RedisProperties properties) {
        withBudgets(config.useClusterServers(), properties)
                .addNodeAddress(properties.clusterAddresses().toArray(String[]::new))
                .setReadMode(ReadMode.MASTER)
                .setScanInterval(1_000) // a promoted replica is found within a second
                .setMasterConnectionMinimumIdleSize(4)
                .setMasterConnectionPoolSize(32)
                .setSlaveConnectionMinimumIdleSize(1)
                .setSlaveConnectionPoolSize(1);
        return config;
    }

    /** The password and the time budgets of every command, one server, behind Sentinel or a cluster alike. */
    private static <T extends BaseConfig<T>> T withBudgets(T servers, RedisProperties properties) {
        return servers
                .setPassword(properties.password())
                // A command has about a second to be written (one retry 500 ms later: after a
                // Redis restart the pool's dead connections are replaced rather than failing
                // calls) and a second to be answered; Redisson also resends a command once after
                // a response timeout, so the scripts are safe to run twice or say they may not be.
                // A budget of 200 ms to be written failed calls on a busy 2-core machine whose
                // JVMs were starved of CPU. An error starts a RedisOutage only if Redis does not
                // answer a RedisPing either, and then callers go to MySQL at once.
                .setConnectTimeout(1_000)
                .setTimeout(1_000)
                .setRetryAttempts(1)
                .setRetryDelay(new ConstantDelay(Duration.ofMillis(500)))
                // Lost connections reconnect two at a time (Redisson's watchdog), the others
                // queued behind; the pool hands out a connection still queued, and a command
                // given one fails. With the default back-off (up to 10 s between the two's tries)
                // commands failed for 10 s and more after Redis was back (RedisReconnectIT); with
                // at most half a second, and 10 ms for a queued connection's first try, the pool
                // is whole again a moment after Redis is.
                .setReconnectionDelay(new EqualJitterDelay(Duration.ofMillis(10), Duration.ofMillis(500)));
    }
}
