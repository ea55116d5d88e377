package com.douyin.message.assistant;

import java.time.Duration;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Work the assistant does once per item (a video described, a comment judged), whichever instance
 * and however often the broker delivers the event: a Redis key per item done ({@code PREFIX:ID}),
 * remembered for {@code remembered}.
 */
public final class DoneOnce {

    private final RedissonClient redisson;
    private final String prefix;
    private final Duration remembered;

    public DoneOnce(RedissonClient redisson, String prefix, Duration remembered) {
        this.redisson = redisson;
        this.prefix = prefix;
        this.remembered = remembered;
    }

    public boolean isDone(long id) {
        return redisson.getBucket(key(id), StringCodec.INSTANCE).isExists();
    }

    public void markDone(long id) {
        redisson.getBucket(key(id), StringCodec.INSTANCE).set("1", remembered);
    }

    private String key(long id) {
        return prefix + ":" + id;
    }
}
