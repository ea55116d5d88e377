package com.douyin.writebehind;

import com.alibaba.csp.sentinel.Entry;
import com.alibaba.csp.sentinel.SphU;
import com.alibaba.csp.sentinel.Tracer;
import com.alibaba.csp.sentinel.slots.block.BlockException;
import com.douyin.common.metrics.DouyinMeters;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.apache.rocketmq.spring.support.RocketMQHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Sends an event through RocketMQ behind a Sentinel circuit breaker. When a send fails, or the
 * breaker is open because sends have been failing or slow, the caller's synchronous fallback
 * runs instead, so the user's write succeeds either way. Consumers deduplicate by event key, so
 * an event that was both sent (a send reported as failed that did arrive) and applied by the
 * fallback counts once. A send that timed out is not known to have failed, so a caller whose
 * fallback fails too must not take the change back: the write paths keep it in their Redis
 * journal ({@link com.douyin.writebehind.ChangeJournal}), which hands it on later.
 */
public final class BrokerOrFallback {

    private static final Logger log = LoggerFactory.getLogger(BrokerOrFallback.class);

    private final RocketMQTemplate rocketMQ;
    private final String resource;

    /**
     * {@code resource} names the breaker (Sentinel resource), e.g. "mq:douyin-favorite"; its
     * degrade rules come from Nacos (config-nacos/sentinel-APP-degrade.json).
     */
    public BrokerOrFallback(RocketMQTemplate rocketMQ, String resource) {
        this.rocketMQ = rocketMQ;
        this.resource = resource;
    }

    /** Sends {@code event} to {@code topic}, or runs {@code fallback} if the broker cannot take it. */
    public void send(String topic, Object event, String eventKey, Runnable fallback) {
        call(eventKey, () -> rocketMQ.syncSend(topic, message(event, eventKey)),
                () -> {
                    fallback.run();
                    return null;
                });
    }

    /**
     * Sends {@code events} to {@code topic} as one batch (one request, each event still its own
     * message with its key), or, if the broker cannot take the batch, runs {@code fallback} for
     * each event. The broker stores a batch whole or not at all.
     */
    public <E> void sendAll(String topic, List<E> events, Function<E, String> keyOf, Consumer<E> fallback) {
        if (events.size() == 1) {
            E event = events.get(0);
            send(topic, event, keyOf.apply(event), () -> fallback.accept(event));
            return;
        }
        call(events.size() + " events", () -> rocketMQ.syncSend(topic, events.stream().map(event -> message(event, keyOf.apply(event))).toList()),
                () -> {
                    events.forEach(fallback);
                    return null;
                });
    }

    /**
     * {@link #sendAll}, with {@code write} as each event's fallback (the synchronous path); answers
     * the events neither the broker nor {@code write} took (a write that threw).
     */
    public <E> List<E> sendAllOrWrite(String topic, List<E> events, Function<E, String> keyOf, Consumer<E> write) {
        List<E> unstored = new ArrayList<>();
        if (!events.isEmpty()) {
            sendAll(topic, events, keyOf, event -> {
                try {
                    write.accept(event);
                } catch (RuntimeException e) {
                    unstored.add(event);
                }
            });
        }
        return unstored;
    }

    /** The event as a message with its key (consumers deduplicate on it). */
    private static <E> Message<E> message(E event, String eventKey) {
        return MessageBuilder.withPayload(event).setHeader(RocketMQHeaders.KEYS, eventKey).build();
    }

    /**
     * {@code viaBroker}'s answer, or {@code fallback}'s if it throws or the breaker is open;
     * {@code what} names the write in the log.
     */
    public <T> T call(String what, Supplier<T> viaBroker, Supplier<T> fallback) {
        Entry entry;
        try {
            entry = SphU.entry(resource);
        } catch (BlockException open) {
            DouyinMeters.fallback(resource);
            return fallback.get(); // the breaker is open: do not even try the broker
        }
        try {
            return viaBroker.get();
        } catch (RuntimeException e) {
            Tracer.traceEntry(e, entry);
            log.warn("Broker unavailable for {} ({}); writing it synchronously", what, e.toString());
        } finally {
            entry.exit(); // before the fallback, so its time does not count as the broker's
        }
        DouyinMeters.fallback(resource);
        return fallback.get();
    }
}
