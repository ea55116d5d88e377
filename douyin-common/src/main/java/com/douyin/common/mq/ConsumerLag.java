package com.douyin.common.mq;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.store.ReadOffsetType;
import org.apache.rocketmq.common.message.MessageQueue;

/**
 * {@code douyin_mq_lag{group, topic}}: the messages of the queues this instance consumes that it
 * has not consumed yet (per queue, the broker's last offset minus this consumer's offset), the
 * last offsets asked of the broker on each {@link #refresh}. Instances share a group's queues, so
 * the group's lag is the sum over its instances. While the broker is unreachable the last value stays.
 */
public final class ConsumerLag {

    private final String group;
    private final String topic;
    private final Supplier<DefaultMQPushConsumer> client;
    private final AtomicLong lag = new AtomicLong();

    public ConsumerLag(String group, String topic, Supplier<DefaultMQPushConsumer> client, MeterRegistry registry) {
        this.group = group;
        this.topic = topic;
        this.client = client;
        Gauge.builder("douyin.mq.lag", lag, AtomicLong::get).tag("group", group).tag("topic", topic)
                .description("messages not consumed yet by the group").register(registry);
    }

    /** Asks the broker again (a few round trips per queue); false if it could not answer. */
    public boolean refresh() {
        DefaultMQPushConsumer consumer = client.get();
        if (consumer == null) {
            return false; // not started yet, or stopped
        }
        try {
            long behind = 0;
            for (MessageQueue queue : consumer.fetchSubscribeMessageQueues(topic)) {
                // From memory: another instance's queue has none here (-1), and reading the
                // broker's copy would move this consumer's own offset back to the last one saved.
                long consumed = consumer.getOffsetStore().readOffset(queue, ReadOffsetType.READ_FROM_MEMORY);
                if (consumed >= 0) {
                    behind += Math.max(0, consumer.maxOffset(queue) - consumed);
                }
            }
            lag.set(behind);
            return true;
        } catch (Exception brokerUnavailable) {
            return false;
        }
    }

    public String group() {
        return group;
    }
}
