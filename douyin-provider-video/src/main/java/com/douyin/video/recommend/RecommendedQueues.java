package com.douyin.video.recommend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Each viewer's next recommended videos, ranked ahead ({@code rec:queue:{USER}}, a list), and
 * what they were shown lately ({@code rec:shown:{USER}}, a sorted set by time, the last
 * {@code douyin.recommend.shown-kept}). A page takes the queue's head and records it as shown, in
 * one step; a queue lives {@code douyin.recommend.queue-ttl}, and a like or unlike by its viewer
 * drops it, so the next page is ranked again with what changed.
 */
@Component
public class RecommendedQueues {

    /** KEYS: queue, shown. ARGV: count, now ms, shown kept. Answers up to count IDs (none: no queue, or it ran out). */
    private static final String TAKE = """
            local ids = redis.call('LPOP', KEYS[1], tonumber(ARGV[1]))
            if not ids then return {} end
            local scored = {}
            for i, id in ipairs(ids) do scored[2 * i - 1] = ARGV[2]; scored[2 * i] = id end
            redis.call('ZADD', KEYS[2], unpack(scored))
            redis.call('ZREMRANGEBYRANK', KEYS[2], 0, -tonumber(ARGV[3]) - 1)
            redis.call('PEXPIRE', KEYS[2], 604800000)
            return ids
            """;

    /** KEYS: queue. ARGV: ttl ms, then IDs in order. */
    private static final String STORE = """
            redis.call('DEL', KEYS[1])
            for i = 2, #ARGV, 500 do redis.call('RPUSH', KEYS[1], unpack(ARGV, i, math.min(#ARGV, i + 499))) end
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return 1
            """;

    private final RedissonClient redisson;
    private final Duration ttl;
    private final int shownKept;

    public RecommendedQueues(RedissonClient redisson, @Value("${douyin.recommend.queue-ttl:10m}") Duration ttl,
                             @Value("${douyin.recommend.shown-kept:600}") int shownKept) {
        this.redisson = redisson;
        this.ttl = ttl;
        this.shownKept = shownKept;
    }

    /** Up to {@code count} of the viewer's queue, now shown; empty when there is none left. */
    public List<Long> take(long viewerId, int count) {
        List<Object> ids = redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, TAKE, RScript.ReturnType.MULTI,
                List.of(queueKey(viewerId), shownKey(viewerId)), Integer.toString(count), Long.toString(System.currentTimeMillis()),
                Integer.toString(shownKept));
        List<Long> taken = new ArrayList<>(ids.size());
        ids.forEach(id -> taken.add(Long.valueOf((String) id)));
        return taken;
    }

    /** A new queue for the viewer, replacing any. */
    public void store(long viewerId, List<Long> ranked) {
        if (ranked.isEmpty()) {
            return;
        }
        List<Object> args = new ArrayList<>(ranked.size() + 1);
        args.add(Long.toString(ttl.toMillis()));
        ranked.forEach(id -> args.add(Long.toString(id)));
        redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, STORE, RScript.ReturnType.INTEGER,
                List.of(queueKey(viewerId)), args.toArray());
    }

    /** The viewer saw everything rankable: let it all be shown again. */
    public void forgetShown(long viewerId) {
        redisson.getBucket(shownKey(viewerId), StringCodec.INSTANCE).delete();
    }

    static String queueKey(long viewerId) {
        return "rec:queue:{" + viewerId + "}";
    }

    static String shownKey(long viewerId) {
        return "rec:shown:{" + viewerId + "}";
    }
}
