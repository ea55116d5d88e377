package com.douyin.comment.cache;

import com.douyin.api.comment.CommentDTO;
import com.douyin.comment.dao.CommentMapper;
import com.douyin.common.cache.CachedEntity;
import com.douyin.common.cache.CompleteSortedSet;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.api.options.OptionalOptions;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Each video's comments in Redis: a sorted set ({@code comment:video:ID}) of its visible comments
 * and replies as JSON, scored by their snowflake ID (so by time). Writes reach MySQL later,
 * through RocketMQ, so this set is what reads see first: a comment is listed as soon as it is
 * added. A reply is in the set only while its top-level comment is: adding one checks that the
 * comment is there, and removing a comment removes its replies, in the same Lua step.
 *
 * <p>The set lives {@code cache-ttl} after its last read or write. Only a video nobody touched
 * for that long loses it, and such a video has no change still on its way to MySQL, so the
 * rebuild from MySQL is complete. Adding or deleting moves the cached comment_count of the
 * video ({@code video:counters:ID}) in the same Lua step, only if the set really changed.
 * {@code comment:video-of:ID} remembers each comment's video as long, for a reader that has only
 * the comment's ID (its replies) before the row is in MySQL.
 */
@Component
public class VideoComments {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * KEYS: set, video counters, the comment's video. ARGV: id, comment JSON, ttl ms, parent id
     * ('0' for a top-level comment), video id. -1: not loaded, -2: the parent is not there, else 1.
     * Run twice (a command resent after a timeout), it counts the comment once.
     */
    private static final String ADD = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
            if ARGV[4] ~= '0' and redis.call('ZCOUNT', KEYS[1], ARGV[4], ARGV[4]) == 0 then return -2 end
            local added = redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            redis.call('SET', KEYS[3], ARGV[5], 'PX', ARGV[3])
            if added == 1 and redis.call('EXISTS', KEYS[2]) == 1 then redis.call('HINCRBY', KEYS[2], 'comment_count', 1) end
            return 1
            """;

    /**
     * KEYS: set, video counters. ARGV: id. Nil: not loaded; else the members removed: the comment,
     * then (a top-level one) its replies, which are all newer than it; none if it was not there.
     */
    private static final String REMOVE = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return false end
            local found = redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[1], ARGV[1])
            if #found == 0 then return {} end
            local removed = {found[1]}
            if (cjson.decode(found[1]).parentId or 0) == 0 then
              local id = tonumber(ARGV[1])
              for _, member in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. ARGV[1], '+inf')) do
                if cjson.decode(member).parentId == id then removed[#removed + 1] = member end
              end
            end
            for _, member in ipairs(removed) do redis.call('ZREM', KEYS[1], member) end
            if redis.call('EXISTS', KEYS[2]) == 1 then
              redis.call('HINCRBY', KEYS[2], 'comment_count', -#removed)
            end
            return removed
            """;

    /**
     * KEYS: set, video counters. ARGV: score/member pairs. Puts removed members back; a set no
     * longer in Redis is left alone (its rebuild reads MySQL, which the removal never reached).
     */
    private static final String RESTORE = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            local added = 0
            for i = 1, #ARGV, 2 do added = added + redis.call('ZADD', KEYS[1], ARGV[i], ARGV[i + 1]) end
            if added > 0 and redis.call('EXISTS', KEYS[2]) == 1 then
              redis.call('HINCRBY', KEYS[2], 'comment_count', added)
            end
            return added
            """;

    private final RedissonClient redisson;
    private final CommentMapper comments;
    private final Duration ttl;

    public VideoComments(RedissonClient redisson, CommentMapper comments, @Value("${douyin.comment.cache-ttl:24h}") Duration ttl) {
        this.redisson = redisson;
        this.comments = comments;
        this.ttl = ttl;
    }

    /** False if the comment replies to one that is not in the video's set (deleted meanwhile). */
    public boolean add(CommentDTO comment) {
        List<Object> keys = List.of(setKey(comment.videoId()), CachedEntity.VIDEO.countersKey(comment.videoId()), videoOfKey(comment.id()));
        Object[] args = {String.valueOf(comment.id()), toJson(comment), String.valueOf(ttl.toMillis()),
                String.valueOf(comment.parentId()), String.valueOf(comment.videoId())};
        long added = eval(ADD, keys, args);
        if (added == -1) {
            commentSet(comment.videoId()).load();
            added = eval(ADD, keys, args);
        }
        return added > 0;
    }

    /** Removes the comment and, a top-level one, its replies; answers what was removed (empty if it was not there). */
    public List<CommentDTO> remove(long videoId, long commentId) {
        List<String> removed = removeMembers(videoId, commentId);
        if (removed == null) {
            commentSet(videoId).load();
            removed = removeMembers(videoId, commentId);
        }
        return removed.stream().map(VideoComments::fromJson).toList();
    }

    /** Undoes {@link #remove}: its comments are visible again. */
    public void restore(long videoId, List<CommentDTO> removed) {
        List<Object> args = new ArrayList<>();
        for (CommentDTO comment : removed) {
            args.add(String.valueOf(comment.id()));
            args.add(toJson(comment));
        }
        eval(RESTORE, List.of(setKey(videoId), CachedEntity.VIDEO.countersKey(videoId)), args.toArray());
    }

    /** One visible comment or reply of the video, or null. */
    public CommentDTO find(long videoId, long commentId) {
        CompleteSortedSet comments = commentSet(videoId);
        Collection<String> found = comments.set().valueRange(commentId, true, commentId, true);
        if (found.isEmpty() && !comments.set().isExists()) {
            comments.load();
            found = comments.set().valueRange(commentId, true, commentId, true);
        }
        return found.isEmpty() ? null : fromJson(found.iterator().next());
    }

    /** The video's visible comments and replies, newest first. */
    public List<CommentDTO> newestFirst(long videoId) {
        CompleteSortedSet comments = commentSet(videoId);
        List<CommentDTO> list = comments.highestFirst().stream().map(VideoComments::fromJson).toList();
        comments.set().expire(ttl);
        return list;
    }

    /** The video a comment was added to, whether or not it is still visible; null for an unknown comment. */
    public Long videoOf(long commentId) {
        String cached = redisson.<String>getBucket(videoOfKey(commentId), StringCodec.INSTANCE).get();
        return cached != null ? Long.valueOf(cached) : comments.findVideoOf(commentId);
    }

    private List<String> removeMembers(long videoId, long commentId) {
        List<Object> keys = List.of(setKey(videoId), CachedEntity.VIDEO.countersKey(videoId));
        // Never sent twice: a second run would answer "nothing removed" for what the first removed,
        // and the removal would not reach MySQL. A timeout fails the call instead, which the row decides.
        RScript once = redisson.getScript(OptionalOptions.defaults().codec(StringCodec.INSTANCE).retryAttempts(0));
        List<String> removed = once.eval(RScript.Mode.READ_WRITE, REMOVE, RScript.ReturnType.MULTI, keys, String.valueOf(commentId));
        return removed;
    }

    private long eval(String script, List<Object> keys, Object... args) {
        Long result = redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, script,
                RScript.ReturnType.INTEGER, keys, args);
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

    static String videoOfKey(long commentId) {
        return "comment:video-of:" + commentId;
    }
}
