package com.douyin.common.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessagingException;

/**
 * The broker as the write paths see it (BrokerOrFallback sends through {@link #syncSend}), for
 * tests: each send, one message or a batch, is recorded instead of delivered, or refused while
 * {@link #down}, as the template refuses a send to a broker it cannot reach. A test hands what was
 * sent to the consumers itself. As a bean named {@code rocketMQTemplate} it replaces the
 * template RocketMQAutoConfiguration would make, and no producer is started.
 */
public class RecordingBroker extends RocketMQTemplate {

    /** One send: its topic and its messages (one, or a batch's). */
    public record Send(String topic, List<Message<?>> messages) {
    }

    private final List<Send> sends = new ArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private volatile boolean down;

    /** Down: every send throws, as a broker that cannot be reached. */
    public void down(boolean down) {
        this.down = down;
    }

    /** Sends asked for, taken or refused. */
    public int attempts() {
        return attempts.get();
    }

    /** The sends taken so far, in order. */
    public synchronized List<Send> sends() {
        return List.copyOf(sends);
    }

    /** The payloads sent to {@code topic} since the last take, in send order; taken, they are forgotten. */
    public synchronized <E> List<E> take(String topic, Class<E> type) {
        List<E> payloads = new ArrayList<>();
        sends.removeIf(send -> {
            if (!send.topic().equals(topic)) {
                return false;
            }
            send.messages().forEach(message -> payloads.add(type.cast(message.getPayload())));
            return true;
        });
        return payloads;
    }

    @Override
    public SendResult syncSend(String destination, Message<?> message) {
        return record(destination, List.of(message));
    }

    @Override
    public <T extends Message> SendResult syncSend(String destination, Collection<T> messages) {
        List<Message<?>> batch = new ArrayList<>();
        messages.forEach(batch::add);
        return record(destination, batch);
    }

    private synchronized SendResult record(String destination, List<Message<?>> messages) {
        attempts.incrementAndGet();
        if (down) {
            throw new MessagingException("connect to 127.0.0.1:10911 failed"); // as the template reports a broker it cannot reach
        }
        sends.add(new Send(destination, List.copyOf(messages)));
        SendResult result = new SendResult();
        result.setSendStatus(SendStatus.SEND_OK);
        return result;
    }
}
