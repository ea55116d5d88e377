package com.douyin.common.mq;

import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.apache.rocketmq.spring.support.DefaultRocketMQListenerContainer;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * One RocketMQ client per process: its producer and all its consumers ({@link BatchEventConsumer},
 * {@code @RocketMQMessageListener}) share one client instance. RocketMQ 5 names every client apart by default (pid#nanoTime), so
 * each consumer had an instance of its own, with its own connections, a housekeeping timer
 * waking ten times a second, rebalance and pull threads: four in an idle provider. The name must
 * still differ between processes, as the broker tells the consumers of a group apart by it
 * (ip@name): two processes with one name would each take every queue.
 */
@AutoConfiguration
@ConditionalOnClass(RocketMQTemplate.class)
public class SharedMqClientAutoConfiguration {

    /** The client name of this process: its application name and process ID. */
    public static String clientName(Environment environment) {
        return environment.getProperty("spring.application.name", "douyin") + "-" + ProcessHandle.current().pid();
    }

    @Bean
    static BeanPostProcessor clientsInTheSharedClient(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof DefaultMQProducer producer) { // before RocketMQTemplate starts it
                    producer.setInstanceName(clientName(environment));
                } else if (bean instanceof DefaultRocketMQListenerContainer listener) { // before it makes its consumer
                    listener.setInstanceName(clientName(environment));
                }
                return bean;
            }
        };
    }
}
