package com.douyin.common.id;

import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import com.douyin.common.redis.RedissonAutoConfiguration;

/** A snowflake generator for every service that has Redis to lease its worker ID from. */
@AutoConfiguration(after = RedissonAutoConfiguration.class)
@ConditionalOnClass(RedissonClient.class)
@ConditionalOnBean(RedissonClient.class)
public class SnowflakeAutoConfiguration {

    @Bean(destroyMethod = "close")
    RedisWorkerIdLease workerIdLease(RedissonClient redisson, @Value("${spring.application.name}") String service) {
        return new RedisWorkerIdLease(redisson, service);
    }

    @Bean
    SnowflakeIdGenerator snowflakeIdGenerator(RedisWorkerIdLease lease) {
        SnowflakeIdGenerator generator = new SnowflakeIdGenerator(lease, System::currentTimeMillis);
        lease.reportClock(generator::lastTimestamp);
        return generator;
    }
}
