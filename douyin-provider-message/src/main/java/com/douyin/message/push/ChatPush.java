package com.douyin.message.push;

import com.douyin.api.message.ChatPushChannel;
import com.douyin.api.message.MessageDTO;
import com.douyin.common.redis.RedisOutage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Announces each stored message on the Redis channel of {@link ChatPushChannel}; every gateway
 * instance listens and pushes it to the WebSocket connections of its two users. Best effort: a
 * client that misses a push gets the message by polling.
 */
@Component
public class ChatPush {

    private static final Logger log = LoggerFactory.getLogger(ChatPush.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RedissonClient redisson;
    private final RedisOutage outage;

    public ChatPush(RedissonClient redisson, RedisOutage outage) {
        this.redisson = redisson;
        this.outage = outage;
    }

    public void announce(MessageDTO message) {
        try {
            String json = JSON.writeValueAsString(message);
            outage.redisOrElse(() -> {
                redisson.getTopic(ChatPushChannel.NAME, StringCodec.INSTANCE).publish(json);
            }, () -> { }); // clients poll meanwhile
        } catch (JsonProcessingException | RuntimeException e) {
            log.warn("Message {} not pushed (clients will poll it): {}", message.id(), e.toString());
        }
    }
}
