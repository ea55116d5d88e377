package com.douyin.common.mq;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

@AutoConfiguration(after = JdbcTemplateAutoConfiguration.class)
@ConditionalOnClass(JdbcTemplate.class)
@ConditionalOnBean(JdbcTemplate.class)
public class ConsumedEventsAutoConfiguration {

    @Bean
    ConsumedEvents consumedEvents(JdbcTemplate jdbc) {
        return new ConsumedEvents(jdbc);
    }

    /** Runs where the application has {@code @EnableScheduling} (every provider that consumes events). */
    @Bean
    ConsumedEventsPruner consumedEventsPruner(JdbcTemplate jdbc, @Value("${douyin.mq.consumed-event-kept:7d}") Duration kept) {
        return new ConsumedEventsPruner(jdbc, kept);
    }
}
