package com.douyin.common.id;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** A snowflake generator for every service with a database to lease its worker ID from. */
@AutoConfiguration(after = JdbcTemplateAutoConfiguration.class)
@ConditionalOnClass(JdbcTemplate.class)
@ConditionalOnBean(JdbcTemplate.class)
public class SnowflakeAutoConfiguration {

    @Bean(destroyMethod = "close")
    MysqlWorkerIdLease workerIdLease(JdbcTemplate jdbc, @Value("${spring.application.name}") String service) {
        return new MysqlWorkerIdLease(jdbc, service);
    }

    @Bean
    SnowflakeIdGenerator snowflakeIdGenerator(MysqlWorkerIdLease lease) {
        SnowflakeIdGenerator generator = new SnowflakeIdGenerator(lease, System::currentTimeMillis);
        lease.reportClock(generator::lastTimestamp);
        return generator;
    }
}
