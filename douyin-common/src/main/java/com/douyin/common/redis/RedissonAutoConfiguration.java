package com.douyin.common.redis;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
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
    RedissonClient redissonClient(RedisProperties properties) {
        Config config = new Config();
        config.useSingleServer()
                .setAddress(properties.address())
                .setPassword(properties.password())
                .setDatabase(properties.database())
                // Fail fast when Redis is down so callers can fall back to MySQL.
                .setConnectTimeout(2_000)
                .setTimeout(1_000)
                .setRetryAttempts(1)
                .setConnectionMinimumIdleSize(4)
                .setConnectionPoolSize(32);
        return Redisson.create(config);
    }
}
