package com.douyin.common.mq;

import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * The RocketMQ producer starts a message accumulator for automatic batching whether or not it is
 * used; its two guard threads woke every 5 ms (half its 10 ms hold time), a third of an idle
 * provider's CPU. Nothing here sends through it (a batch is sent as one, see
 * douyin-write-behind's BrokerOrFallback.sendAll), so its hold time is set to a second: the threads wake twice a
 * second, and sends are unchanged.
 */
@AutoConfiguration
@ConditionalOnClass(RocketMQTemplate.class)
public class IdleProducerAutoConfiguration {

    static final int ACCUMULATOR_HOLD_MS = 1_000;

    @Bean
    static BeanPostProcessor quietProducerAccumulator() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof DefaultMQProducer producer) { // before RocketMQTemplate starts it
                    producer.batchMaxDelayMs(ACCUMULATOR_HOLD_MS);
                }
                return bean;
            }
        };
    }
}
