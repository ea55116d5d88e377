package com.douyin.gateway.chat;

import com.douyin.api.message.ChatPushChannel;
import com.douyin.api.message.MessageDTO;
import com.douyin.gateway.json.MessageJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens on the Redis channel where the message provider announces every stored message (see
 * {@link ChatPushChannel}) and pushes it to this instance's connections of the recipient and of
 * the sender's other devices. Every gateway instance listens, so it does not matter which one a
 * client is connected to. It subscribes before the web server opens its port (a lifecycle phase
 * ahead of it), so a client that can connect is never missed; if Redis is down at start-up, it
 * keeps trying in the background. Redisson subscribes again by itself after a Redis restart.
 */
@Component
public class ChatPushListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChatPushListener.class);
    private static final ObjectMapper PROVIDER_JSON = new ObjectMapper();

    private final RedissonClient redisson;
    private final ChatSessions sessions;
    private final ObjectMapper clientJson;

    /** {@code clientJson}: Spring's mapper, which writes the client's snake_case. */
    public ChatPushListener(RedissonClient redisson, ChatSessions sessions, @Qualifier("jacksonObjectMapper") ObjectMapper clientJson) {
        this.redisson = redisson;
        this.sessions = sessions;
        this.clientJson = clientJson;
    }

    private final ScheduledExecutorService retry = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "chat-push-subscribe");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean running;

    @Override
    public void start() {
        running = true;
        subscribe();
    }

    private void subscribe() {
        try {
            RTopic topic = redisson.getTopic(ChatPushChannel.NAME, StringCodec.INSTANCE);
            topic.addListener(String.class, (channel, json) -> push(json));
        } catch (RuntimeException e) {
            log.warn("Cannot listen for chat messages yet (clients poll meanwhile), trying again: {}", e.toString());
            retry.schedule(this::subscribe, 5, TimeUnit.SECONDS);
        }
    }

    @Override
    public void stop() {
        running = false;
        retry.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server's phase, so the port opens only once this listens. */
    @Override
    public int getPhase() {
        return 0;
    }

    private void push(String announced) {
        try {
            MessageDTO message = PROVIDER_JSON.readValue(announced, MessageDTO.class);
            String json = clientJson.writeValueAsString(MessageJson.of(message));
            sessions.send(message.toUserId(), json);
            sessions.send(message.fromUserId(), json);
        } catch (Exception e) {
            log.warn("Unreadable chat announcement dropped: {}", e.toString());
        }
    }
}
