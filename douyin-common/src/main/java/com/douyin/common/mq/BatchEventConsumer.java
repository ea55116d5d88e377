package com.douyin.common.mq;

import com.douyin.common.metrics.DouyinMeters;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.remoting.exception.RemotingException;
import org.apache.rocketmq.client.hook.ConsumeMessageHook;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;

/**
 * A RocketMQ consumer that receives events in batches (up to {@code batchSize} per call), so a
 * burst is applied in a few SQL statements instead of one per event. A batch that throws is
 * redelivered whole, so {@link #consume} must be idempotent. Events are the JSON that
 * RocketMQTemplate sends, read tolerantly: a field this version does not know (an event from a
 * newer instance, in a rolling upgrade) is ignored. A message that still cannot be read is never
 * dropped: it is parked in the group's dead-letter queue ({@code %DLQ%GROUP}, where an operator
 * can find and resend it) and counted ({@code douyin_mq_parked_total}).
 *
 * <p>Each queue is pulled once per {@code douyin.mq.batch-window} (default 100 ms) rather than as
 * soon as a message arrives: at a moderate rate a long-polling pull would return one message at a
 * time, so batching would only happen under a backlog. The window is also the delay it adds.
 */
public abstract class BatchEventConsumer<E> implements SmartLifecycle, EnvironmentAware {

    /**
     * Events per batch: a pull of each queue per window takes up to this many, and the broker
     * hands them over at once (maxTransferCountOnMessageInMemory in broker.conf). At 64, a like
     * storm's batches were cut short and each queue was pulled again for the rest.
     */
    protected static final int MAX_BATCH = 256;
    private static final Logger log = LoggerFactory.getLogger(BatchEventConsumer.class);
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** For sendMessageBack: straight to the dead-letter queue, without retries (a negative delay level). */
    private static final int DEAD_LETTER = -1;

    private final String nameServer;
    private final String group;
    private final String topic;
    private final Class<E> type;
    private final int batchSize;
    private Duration batchWindow = Duration.ofMillis(100);
    private String clientName;
    private final List<ConsumeMessageHook> hooks = new ArrayList<>();
    private volatile DefaultMQPushConsumer consumer;
    /** Started (by Spring) and not stopped: the client runs, or is asked for again every few seconds. */
    private volatile boolean started;
    private ScheduledFuture<?> retry;

    /** How often a consumer whose name server did not answer asks again; one thread for all of them, asleep otherwise. */
    private static final Duration RETRY_EVERY = Duration.ofSeconds(5);
    private static final ScheduledExecutorService RETRIES = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "mq-consumer-start-retry");
        thread.setDaemon(true);
        return thread;
    });

    protected BatchEventConsumer(String nameServer, String group, String topic, Class<E> type, int batchSize) {
        this.nameServer = nameServer;
        this.group = group;
        this.topic = topic;
        this.type = type;
        this.batchSize = batchSize;
    }

    @Override
    public void setEnvironment(Environment environment) {
        batchWindow = environment.getProperty("douyin.mq.batch-window", Duration.class, batchWindow);
        clientName = SharedMqClientAutoConfiguration.clientName(environment);
    }

    /** A hook around every batch (see MessageTracing); effective from the next start. */
    public void addHook(ConsumeMessageHook hook) {
        hooks.add(hook);
    }

    public String group() {
        return group;
    }

    public String topic() {
        return topic;
    }

    /** The running client (null while stopped), for its offsets (see ConsumerLag). */
    public DefaultMQPushConsumer client() {
        return consumer;
    }

    /** Applies a batch; throwing makes RocketMQ redeliver all of it later. */
    protected abstract void consume(List<E> events);

    /**
     * Starts the client. If the name server does not answer (RocketMQ's client gives up and shuts
     * itself down when its first lookup of the topic's route fails), the service starts all the
     * same, its writes taking the synchronous path, and a new client is started every
     * {@link #RETRY_EVERY} until one runs. Any other failure stops the service's start.
     */
    @Override
    public synchronized void start() {
        started = true;
        if (!startClient()) {
            retry = RETRIES.scheduleWithFixedDelay(this::retryStart, RETRY_EVERY.toMillis(), RETRY_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void retryStart() {
        try {
            if (!started || startClient()) {
                retry.cancel(false);
            }
        } catch (RuntimeException e) {
            log.warn("{}: the consumer did not start yet: {}", group, e.toString());
        }
    }

    /** A new client, started; false (logged) if the name server did not answer. */
    private boolean startClient() {
        DefaultMQPushConsumer created = new DefaultMQPushConsumer(group);
        created.setNamesrvAddr(nameServer);
        if (clientName != null) {
            created.setInstanceName(clientName); // the process's one client (SharedMqClientAutoConfiguration)
        }
        created.setConsumeMessageBatchMaxSize(batchSize);
        created.setPullBatchSize(batchSize);
        created.setPullInterval(batchWindow.toMillis());
        created.setConsumeThreadMin(4);
        created.setConsumeThreadMax(4);
        hooks.forEach(created.getDefaultMQPushConsumerImpl()::registerConsumeMessageHook);
        try {
            created.subscribe(topic, "*");
            created.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
                try {
                    consume(parse(created, messages));
                    return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                } catch (RuntimeException e) {
                    log.warn("{}: a batch of {} events failed, it will be redelivered: {}", group, messages.size(), e.toString());
                    return ConsumeConcurrentlyStatus.RECONSUME_LATER;
                }
            });
            created.start();
        } catch (MQClientException e) {
            throw new IllegalStateException("Cannot start the RocketMQ consumer " + group, e);
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof RemotingException)) {
                throw e;
            }
            created.shutdown(); // the client shut itself down when its start failed; this only makes sure of it
            log.warn("{}: the RocketMQ name server does not answer ({}); asking again every {} s", group, e.getCause(),
                    RETRY_EVERY.toSeconds());
            return false;
        }
        consumer = created;
        return true;
    }

    /** The batch's events; a message that cannot be read is parked (if parking fails, the batch fails and is redelivered). */
    private List<E> parse(DefaultMQPushConsumer client, List<MessageExt> messages) {
        List<E> events = new ArrayList<>(messages.size());
        for (MessageExt message : messages) {
            try {
                events.add(JSON.readValue(message.getBody(), type));
            } catch (IOException e) {
                park(client, message, e);
            }
        }
        return events;
    }

    private void park(DefaultMQPushConsumer client, MessageExt message, IOException unreadable) {
        try {
            client.sendMessageBack(message, DEAD_LETTER);
        } catch (Exception e) {
            throw new IllegalStateException("cannot park unreadable message " + message.getMsgId() + ": " + e, e);
        }
        DouyinMeters.parked(group);
        log.error("{}: parked unreadable message {} (key {}) in %DLQ%{}: {}", group, message.getMsgId(), message.getKeys(), group,
                unreadable.toString());
    }

    @Override
    public synchronized void stop() {
        started = false;
        if (retry != null) {
            retry.cancel(false);
        }
        if (consumer != null) {
            consumer.shutdown();
            consumer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return started;
    }
}
