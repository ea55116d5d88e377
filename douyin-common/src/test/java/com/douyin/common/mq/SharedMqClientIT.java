package com.douyin.common.mq;

import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.common.testing.RealInfrastructure;
import java.util.List;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.spring.support.DefaultRocketMQListenerContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.mock.env.MockEnvironment;

/** Against the real name server and broker: a consumer does not start without them. */
@ExtendWith(RealInfrastructure.class)
class SharedMqClientIT {

    /** Any consumer: its events are not read here. */
    static final class Consumer extends BatchEventConsumer<String> {
        Consumer(String group, String topic) {
            super("127.0.0.1:9876", group, topic, String.class, 16);
        }

        @Override
        protected void consume(List<String> events) {
        }
    }

    @Test
    void theProducerAndEveryConsumerOfAProcessShareOneClient() throws Exception {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name", "douyin-shared-client-test");
        DefaultMQProducer producer = new DefaultMQProducer("shared-client-test-producer");
        producer.setNamesrvAddr("127.0.0.1:9876");
        SharedMqClientAutoConfiguration.clientsInTheSharedClient(environment).postProcessBeforeInitialization(producer, "defaultMQProducer");
        Consumer likes = new Consumer("shared-client-test-likes", "shared-client-test-likes");
        Consumer follows = new Consumer("shared-client-test-follows", "shared-client-test-follows");
        likes.setEnvironment(environment);
        follows.setEnvironment(environment);
        try {
            producer.start();
            likes.start();
            follows.start();

            MQClientInstance client = producer.getDefaultMQProducerImpl().getMqClientFactory();
            assertThat(likes.client().getDefaultMQPushConsumerImpl().getmQClientFactory()).isSameAs(client);
            assertThat(follows.client().getDefaultMQPushConsumerImpl().getmQClientFactory()).isSameAs(client);
            assertThat(client.getClientId()).endsWith("@douyin-shared-client-test-" + ProcessHandle.current().pid());
        } finally {
            likes.stop();
            follows.stop();
            producer.shutdown();
        }
    }

    @Test
    void anAnnotatedListenerMakesItsConsumerInTheSharedClient() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name", "douyin-shared-client-test");
        DefaultRocketMQListenerContainer listener = new DefaultRocketMQListenerContainer();
        SharedMqClientAutoConfiguration.clientsInTheSharedClient(environment).postProcessBeforeInitialization(listener, "container");
        assertThat(listener.getInstanceName()).isEqualTo(SharedMqClientAutoConfiguration.clientName(environment));
    }

    @Test
    void withoutTheSharedNameEachConsumerHadAClientOfItsOwn() throws Exception {
        Consumer likes = new Consumer("own-client-test-likes", "own-client-test-likes");
        Consumer follows = new Consumer("own-client-test-follows", "own-client-test-follows");
        try {
            likes.start();
            follows.start();
            assertThat(likes.client().getDefaultMQPushConsumerImpl().getmQClientFactory())
                    .isNotSameAs(follows.client().getDefaultMQPushConsumerImpl().getmQClientFactory());
        } finally {
            likes.stop();
            follows.stop();
        }
    }
}
