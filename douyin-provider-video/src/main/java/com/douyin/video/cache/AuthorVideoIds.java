package com.douyin.video.cache;

import com.douyin.api.common.CursorPage;
import com.douyin.api.common.PageCursor;
import com.douyin.common.cache.CacheTtl;
import com.douyin.common.cache.TimeOrderedIds;
import com.douyin.common.redis.RedisOutage;
import com.douyin.video.dao.VideoKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Each author's video IDs as a Redis sorted set ({@code video:author:{ID}}, scored by publish
 * time). A publish bumps the author's version ({@code video:author:{ID}:version}) and drops the
 * set; a reader that rebuilt the set from MySQL stores it only if the version is still the one
 * it saw before it queried, so a publish racing with a rebuild can never leave a stale list.
 * A page of it is read at a time ({@link TimeOrderedIds}). With Redis down ({@link RedisOutage}),
 * lists are read from MySQL.
 */
@Component
public class AuthorVideoIds {

    /**
     * KEYS: set, version. ARGV: version seen ('' for none), ttl ms, then score/member pairs. The
     * member 'end' (score 0, not an ID) marks a stored set complete even when the author has no videos.
     */
    private static final String STORE_IF_UNCHANGED = """
            local seen = redis.call('GET', KEYS[2]) or ''
            if seen ~= ARGV[1] then return 0 end
            redis.call('DEL', KEYS[1])
            for i = 3, #ARGV, 2 do redis.call('ZADD', KEYS[1], ARGV[i], ARGV[i + 1]) end
            redis.call('ZADD', KEYS[1], 0, 'end')
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 1
            """;

    /** KEYS: set, version. */
    private static final String INVALIDATE = """
            redis.call('INCR', KEYS[2])
            redis.call('PEXPIRE', KEYS[2], 86400000)
            return redis.call('DEL', KEYS[1])
            """;

    private final RedissonClient redisson;
    private final RedisOutage outage;
    private final Duration ttl;

    public AuthorVideoIds(RedissonClient redisson, RedisOutage outage, @Value("${douyin.video.cache-ttl:30m}") Duration ttl) {
        this.redisson = redisson;
        this.outage = outage;
        this.ttl = ttl;
    }

    /**
     * A page of the author's video IDs, newest first, after {@code cursor} (null: from the newest):
     * from Redis, or else the whole list from {@code fresh}, then cached. When Redis cannot cache
     * it (an outage, an error), from {@code uncached}, which may lag behind.
     */
    public CursorPage<Long> page(long authorId, PageCursor cursor, int count, Supplier<List<VideoKey>> fresh,
                                 Supplier<List<VideoKey>> uncached) {
        if (outage.inEffect()) {
            return pageOf(uncached.get(), cursor, count);
        }
        String seenVersion;
        try {
            CursorPage<Long> cached = TimeOrderedIds.page(redisson, setKey(authorId), cursor, count);
            if (cached != null) {
                return cached;
            }
            String version = redisson.<String>getBucket(versionKey(authorId), StringCodec.INSTANCE).get();
            seenVersion = version == null ? "" : version;
        } catch (RedisException e) {
            outage.failed(e);
            return pageOf(uncached.get(), cursor, count);
        }
        List<VideoKey> keys = fresh.get();
        store(authorId, seenVersion, keys);
        return pageOf(keys, cursor, count);
    }

    /** {@code newestFirst}: the whole list, in MySQL's order (published_at DESC, id DESC), the same as the set's pages. */
    private static CursorPage<Long> pageOf(List<VideoKey> newestFirst, PageCursor cursor, int count) {
        CursorPage<VideoKey> page = CursorPage.after(cursor, newestFirst, count, VideoKey::position);
        return page.withItems(page.items().stream().map(VideoKey::id).toList());
    }

    /** After a publish (or delete) by the author: the next read rebuilds the list. */
    public void invalidate(long authorId) {
        outage.redisOrElse(() -> {
            redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, INVALIDATE, RScript.ReturnType.INTEGER,
                    List.of(setKey(authorId), versionKey(authorId)));
        }, () -> outage.markStale(List.of(setKey(authorId)))); // dropped when Redis is back
    }

    private void store(long authorId, String seenVersion, List<VideoKey> keys) {
        List<Object> args = new ArrayList<>();
        args.add(seenVersion);
        args.add(String.valueOf(CacheTtl.withJitter(ttl).toMillis()));
        for (VideoKey key : keys) {
            args.add(String.valueOf(key.publishedAt()));
            args.add(String.valueOf(key.id()));
        }
        try {
            redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, STORE_IF_UNCHANGED, RScript.ReturnType.INTEGER,
                    List.of(setKey(authorId), versionKey(authorId)), args.toArray());
        } catch (RedisException e) {
            outage.failed(e);
        }
    }

    /** {@code video:author:{ID}}: the set and its version share the author's hash tag, one slot in a Redis Cluster (the scripts use both). */
    static String setKey(long authorId) {
        return "video:author:{" + authorId + "}";
    }

    static String versionKey(long authorId) {
        return setKey(authorId) + ":version";
    }
}
