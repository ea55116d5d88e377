package com.douyin.comment.cache;

import com.douyin.api.comment.CommentDTO;
import com.douyin.comment.dao.CommentMapper;
import com.douyin.common.cache.CachedEntity;
import com.douyin.common.cache.CompleteSortedSet;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Each video's comments in Redis: a sorted set ({@code comment:video:ID}) of the comments as
 * JSON, scored by their snowflake ID (so by time). Writes reach MySQL later, through RocketMQ,
 * so this set is what reads see first: a comment is listed as soon as it is added.
 *
 * <p>The set lives {@code cache-ttl} after its last read or write. Only a video nobody touched
 * for that long loses it, and such a video has no change still on its way to MySQL, so the
 * rebuild from MySQL is complete. Adding or deleting moves the cached comment_count of the
 * video ({@code video:counters:ID}) in the same Lua step, only if the set really changed.
 */
@Component
public class VideoComments {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** KEYS: set, video counters. ARGV: id, comment JSON, ttl ms. -1: not loaded, else 1. */
    private static final String ADD = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
            redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            if redis.call('EXISTS', KEYS[2]) == 1 then redis.call('HINCRBY', KEYS[2], 'comment_count', 1) end
            return 1
            """;

    /** KEYS: set, video counters. ARGV: id. -1: not loaded, else how many were removed (0 or 1). */
    private static final String REMOVE = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
            local removed = redis.call('ZREMRANGEBYSCORE', KEYS[1], ARGV[1], ARGV[1])
            if removed > 0 and redis.call('EXISTS', KEYS[2]) == 1 then
              redis.call('HINCRBY', KEYS[2], 'comment_count', -removed)
            end
            return removed
            """;

    private final RedissonClient redisson;
    private final CommentMapper comments;
    private final Duration ttl;

    public VideoComments(RedissonClient redisson, CommentMapper comments, @Value("${douyin.comment.cache-ttl:24h}") Duration ttl) {
        this.redisson = redisson;
        this.comments = comments;
        this.ttl = ttl;
    }

    public void add(CommentDTO comment) {
        String json = toJson(comment);
        if (run(ADD, comment.videoId(), String.valueOf(comment.id()), json, String.valueOf(ttl.toMillis())) < 0) {
            commentSet(comment.videoId()).load();
            run(ADD, comment.videoId(), String.valueOf(comment.id()), json, String.valueOf(ttl.toMillis()));
        }
    }

    /** True if the comment was there and is removed now. */
    public boolean remove(long videoId, long commentId) {
        long removed = run(REMOVE, videoId, String.valueOf(commentId));
        if (removed < 0) {
            commentSet(videoId).load();
            removed = run(REMOVE, videoId, String.valueOf(commentId));
        }
        return removed > 0;
    }

    /** One comment of the video, or null. */
    public CommentDTO find(long videoId, long commentId) {
        CompleteSortedSet comments = commentSet(videoId);
        Collection<String> found = comments.set().valueRange(commentId, true, commentId, true);
        if (found.isEmpty() && !comments.set().isExists()) {
            comments.load();
            found = comments.set().valueRange(commentId, true, commentId, true);
        }
        return found.isEmpty() ? null : fromJson(found.iterator().next());
    }

    /** The video's comments, newest first. */
    public List<CommentDTO> newestFirst(long videoId) {
        CompleteSortedSet comments = commentSet(videoId);
        List<CommentDTO> list = comments.highestFirst().stream().map(VideoComments::fromJson).toList();
        comments.set().expire(ttl);
        return list;
    }

    private long run(String script, long videoId, String... args) {
        List<Object> keys = List.of(setKey(videoId), CachedEntity.VIDEO.countersKey(videoId));
        Long result = redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, script,
                RScript.ReturnType.INTEGER, keys, (Object[]) args);
        return result;
    }

    /** The video's set, rebuilt from MySQL when Redis has none. */
    private CompleteSortedSet commentSet(long videoId) {
        return new CompleteSortedSet(redisson, setKey(videoId), () -> {
            Map<String, Double> members = new HashMap<>();
            for (CommentDTO comment : comments.findVisible(videoId)) {
                members.put(toJson(comment), (double) comment.id());
            }
            return members;
        }, ttl);
    }

    private static String toJson(CommentDTO comment) {
        try {
            return JSON.writeValueAsString(comment);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CommentDTO fromJson(String json) {
        try {
            return JSON.readValue(json, CommentDTO.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String setKey(long videoId) {
        return "comment:video:" + videoId;
    }
}
