package com.douyin.common.redis;

import org.redisson.api.RedissonClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** The Redis outage switch of every service that has both Redis and MySQL. */
@AutoConfiguration(after = {RedissonAutoConfiguration.class, JdbcTemplateAutoConfiguration.class})
@ConditionalOnClass({RedissonClient.class, JdbcTemplate.class})
@ConditionalOnBean({RedissonClient.class, JdbcTemplate.class})
@EnableConfigurationProperties(RedisProperties.class)
public class RedisOutageAutoConfiguration {

    @Bean(destroyMethod = "close")
    RedisPing redisPing(RedisProperties properties) {
        return new RedisPing(properties);
    }

    @Bean(destroyMethod = "close")
    RedisOutage redisOutage(RedissonClient redisson, JdbcTemplate jdbc, RedisPing ping) {
        return new RedisOutage(redisson, jdbc, ping::answers);
    }
}
