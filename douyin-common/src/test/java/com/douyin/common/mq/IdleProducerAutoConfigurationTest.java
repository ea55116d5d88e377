package com.douyin.common.mq;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.junit.jupiter.api.Test;

class IdleProducerAutoConfigurationTest {

    @Test
    void aProducerGetsTheLongAccumulatorHoldTimeBeforeItStarts() {
        DefaultMQProducer untouched = new DefaultMQProducer("idle-test-default");
        untouched.initProduceAccumulator(); // what start() does first (it does not start its threads)
        assertThat(untouched.getBatchMaxDelayMs()).as("the client's default").isEqualTo(10);

        DefaultMQProducer producer = new DefaultMQProducer("idle-test");
        IdleProducerAutoConfiguration.quietProducerAccumulator().postProcessBeforeInitialization(producer, "defaultMQProducer");
        producer.initProduceAccumulator();

        assertThat(producer.getBatchMaxDelayMs()).isEqualTo(IdleProducerAutoConfiguration.ACCUMULATOR_HOLD_MS);
    }
}
