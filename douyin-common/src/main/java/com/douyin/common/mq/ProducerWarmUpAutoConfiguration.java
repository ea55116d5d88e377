package com.douyin.common.mq;

import java.util.List;
import javax.sql.DataSource;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Opens the database pool and looks up the routes of the topics a service sends to
 * ({@code douyin.mq.send-topics}) while it starts, before Dubbo announces it: otherwise the
 * first requests pay for both (seconds here) and can time out.
 */
@AutoConfiguration
@ConditionalOnClass(RocketMQTemplate.class)
@ConditionalOnProperty(name = "douyin.mq.send-topics") // only services that send events
public class ProducerWarmUpAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProducerWarmUpAutoConfiguration.class);

    @Bean
    SmartInitializingSingleton producerWarmUp(ObjectProvider<DataSource> dataSource, ObjectProvider<RocketMQTemplate> rocketMQ,
                                              @Value("${douyin.mq.send-topics}") List<String> topics) {
        return () -> {
            dataSource.ifAvailable(pool -> {
                try (var connection = pool.getConnection()) {
                    connection.isValid(1);
                } catch (Exception e) {
                    log.warn("Database not reachable at start-up (it is retried on use): {}", e.toString());
                }
            });
            rocketMQ.ifAvailable(template -> topics.stream().filter(topic -> !topic.isBlank()).forEach(topic -> {
                try {
                    template.getProducer().fetchPublishMessageQueues(topic);
                } catch (Exception e) {
                    log.warn("No route yet for topic {} (looked up again on send): {}", topic, e.toString());
                }
            }));
        };
    }
}
