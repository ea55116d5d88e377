package com.douyin.video.recommend;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.ByteArrayCodec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Each viewer's next recommended videos, ranked ahead ({@code rec:next:{USER}}), and what they
 * were shown lately ({@code rec:seen:{USER}}, the last {@code douyin.recommend.shown-kept}), each
 * a Redis string of 8-byte video IDs: taking a page and recording it as shown are two copies of
 * bytes in one step, not an entry per video (a sorted set of what was shown cost Redis a
 * microsecond per video, and the client a string per video to decode). A ranking stores the queue
 * and takes its first page in one step too. A queue lives {@code douyin.recommend.queue-ttl}, and a
 * like or unlike by its viewer drops it, so the next page is ranked again with what changed.
 */
@Component
public class RecommendedQueues {

    /** Appends the IDs in {@code taken} to the shown ones (KEYS[2]), keeping the last ARGV[2], for 7 days. */
    private static final String RECORD_SHOWN = """
            if #taken > 0 then
              local kept = tonumber(ARGV[2]) * 8
              if redis.call('APPEND', KEYS[2], taken) > kept then
                redis.call('SET', KEYS[2], string.sub(redis.call('GET', KEYS[2]), -kept))
              end
              redis.call('PEXPIRE', KEYS[2], 604800000)
            end
            """;

    /**
     * KEYS: queue, shown, the viewer's latest likes, their likes per topic. ARGV: count, shown
     * kept, latest likes read. Answers {taken} when the queue had count IDs (count 0: nothing to
     * take, the viewer only), else {taken, latest likes, likes per topic, shown}: what their next
     * ranking starts from, read in the same step.
     */
    private static final String TAKE = """
            local n = tonumber(ARGV[1]) * 8
            local taken = ''
            local queue = redis.call('GET', KEYS[1])
            if queue then
              taken = string.sub(queue, 1, n)
              if #queue > n then
                redis.call('SET', KEYS[1], string.sub(queue, n + 1), 'KEEPTTL')
              else
                redis.call('DEL', KEYS[1])
              end
            end
            """ + RECORD_SHOWN + """
            if n > 0 and #taken == n then return {taken} end
            return {taken, redis.call('ZREVRANGE', KEYS[3], 0, tonumber(ARGV[3]) - 1), redis.call('HGETALL', KEYS[4]),
                    redis.call('GET', KEYS[2]) or ''}
            """;

    /**
     * KEYS: queue, shown. ARGV: count, shown kept, queue ttl ms, "1" to forget what was shown
     * first, the ranking. Its first count IDs are answered and shown; the rest is the queue.
     */
    private static final String STORE_AND_TAKE = """
            if ARGV[4] == '1' then redis.call('DEL', KEYS[2]) end
            local n = tonumber(ARGV[1]) * 8
            local taken = string.sub(ARGV[5], 1, n)
            if #ARGV[5] > n then
              redis.call('SET', KEYS[1], string.sub(ARGV[5], n + 1), 'PX', ARGV[3])
            else
              redis.call('DEL', KEYS[1])
            end
            """ + RECORD_SHOWN + """
            return taken
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

    /**
     * What a take answered and, when the queue held fewer than were asked, what the model knows of
     * the viewer for their next ranking (read in the same step; null when the queue held enough).
     */
    public record Taken(List<Long> ids, Ranker.Viewer viewer) {
    }

    /** Up to {@code count} of the viewer's queue, now shown (none: no queue, or it ran out). */
    public Taken take(long viewerId, int count) {
        List<Object> answer = redisson.getScript(ByteArrayCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, TAKE, RScript.ReturnType.MULTI,
                List.of(queueKey(viewerId), shownKey(viewerId), RecommendationModel.likesKey(viewerId), RecommendationModel.topicsKey(viewerId)),
                ascii(count), ascii(shownKept), ascii(RecommendationModel.RECENT_KEPT));
        List<Long> ids = unpack((byte[]) answer.get(0));
        if (answer.size() == 1) {
            return new Taken(ids, null);
        }
        List<Long> latestLikes = new ArrayList<>();
        ((List<?>) answer.get(1)).forEach(id -> latestLikes.add(Long.valueOf(text(id))));
        Map<String, Long> topicLikes = new HashMap<>();
        List<?> topics = (List<?>) answer.get(2);
        for (int k = 0; k + 1 < topics.size(); k += 2) {
            topicLikes.put(text(topics.get(k)), Math.round(Double.parseDouble(text(topics.get(k + 1)))));
        }
        return new Taken(ids, new Ranker.Viewer(viewerId, latestLikes, topicLikes, shown((byte[]) answer.get(3))));
    }

    /** What the model knows of the viewer, as a take that finds their queue short reads it (one round trip; takes nothing). */
    public Ranker.Viewer viewer(long viewerId) {
        return take(viewerId, 0).viewer();
    }

    private static String text(Object bytes) {
        return new String((byte[]) bytes, StandardCharsets.UTF_8);
    }

    /**
     * A new queue for the viewer, replacing any, of which the first {@code count} are taken at once
     * (answered, now shown); {@code forgetShown}: the viewer saw everything rankable, so what they
     * were shown is forgotten first and all of it may be shown again. One step.
     */
    public List<Long> storeAndTake(long viewerId, List<Long> ranked, int count, boolean forgetShown) {
        byte[] taken = redisson.getScript(ByteArrayCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, STORE_AND_TAKE, RScript.ReturnType.VALUE,
                List.of(queueKey(viewerId), shownKey(viewerId)), ascii(count), ascii(shownKept), ascii(ttl.toMillis()),
                ascii(forgetShown ? 1 : 0), pack(ranked));
        return unpack(taken);
    }


    private static byte[] ascii(long number) {
        return Long.toString(number).getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] pack(Collection<Long> ids) {
        ByteBuffer packed = ByteBuffer.allocate(ids.size() * Long.BYTES);
        ids.forEach(packed::putLong);
        return packed.array();
    }

    static List<Long> unpack(byte[] packed) {
        if (packed == null) {
            return new ArrayList<>();
        }
        ByteBuffer ids = ByteBuffer.wrap(packed);
        List<Long> unpacked = new ArrayList<>(packed.length / Long.BYTES);
        while (ids.remaining() >= Long.BYTES) {
            unpacked.add(ids.getLong());
        }
        return unpacked;
    }

    /** The IDs of a viewer's shown list as read from {@link #shownKey}. */
    static Set<Long> shown(byte[] packed) {
        return new HashSet<>(unpack(packed));
    }

    static String queueKey(long viewerId) {
        return "rec:next:{" + viewerId + "}";
    }

    static String shownKey(long viewerId) {
        return "rec:seen:{" + viewerId + "}";
    }
}
