package com.douyin.favorite.cache;

import com.douyin.common.cache.CompleteSortedSet;
import com.douyin.favorite.dao.FavoriteMapper;
import com.douyin.favorite.dao.LikedVideo;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * Who likes what, in Redis: one sorted set per user ({@code favorite:liked:ID}, video ID scored
 * by the time of the like). It is the truth until the write-behind consumer has stored a change
 * in MySQL, so it has no TTL; if Redis loses it, it is rebuilt from MySQL.
 *
 * <p>A like or unlike is one Lua script: it changes the set and, only if the set changed, the
 * cached counters of the video ({@code video:counters:ID} favorite_count), the liker
 * ({@code user:counters:ID} favorite_count) and the author (total_favorited) where those hashes
 * are cached. The owners of those rows apply the same change to MySQL from the change event and
 * never move these cached fields themselves, so each number has one writer per store.
 */
@Component
public class LikedVideos {

    /**
     * KEYS: liked set, video counters, liker counters, author counters. ARGV: video ID, +1 or -1.
     * Returns {-1, 0} if the set is not loaded, {0, 0} if nothing changed, else {1, sequence}
     * with the sequence from Redis's clock in microseconds (orders changes of one pair).
     */
    private static final String FLIP = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return {-1, 0} end
            local now = redis.call('TIME')
            local seq = tonumber(now[1]) * 1000000 + tonumber(now[2])
            local delta = tonumber(ARGV[2])
            local changed
            if delta > 0 then
              changed = redis.call('ZADD', KEYS[1], 'NX', math.floor(seq / 1000), ARGV[1])
            else
              changed = redis.call('ZREM', KEYS[1], ARGV[1])
            end
            if changed == 0 then return {0, 0} end
            if redis.call('EXISTS', KEYS[2]) == 1 then redis.call('HINCRBY', KEYS[2], 'favorite_count', delta) end
            if redis.call('EXISTS', KEYS[3]) == 1 then redis.call('HINCRBY', KEYS[3], 'favorite_count', delta) end
            if redis.call('EXISTS', KEYS[4]) == 1 then redis.call('HINCRBY', KEYS[4], 'total_favorited', delta) end
            return {1, seq}
            """;

    /** What a flip did: whether the state changed, and the change's sequence. */
    public record Flip(boolean changed, long sequence) {
    }

    private final RedissonClient redisson;
    private final FavoriteMapper favorites;

    public LikedVideos(RedissonClient redisson, FavoriteMapper favorites) {
        this.redisson = redisson;
        this.favorites = favorites;
    }

    /** Likes ({@code delta} +1) or unlikes (-1) atomically with the cached counters. */
    public Flip flip(long userId, long videoId, long authorId, int delta) {
        List<Long> result = runFlip(userId, videoId, authorId, delta);
        if (result.get(0) < 0) { // the set is not in Redis (first use, or Redis lost it)
            likedSet(userId).load();
            result = runFlip(userId, videoId, authorId, delta);
        }
        if (result.get(0) < 0) {
            throw new IllegalStateException("The liked set of user " + userId + " vanished while in use");
        }
        return new Flip(result.get(0) == 1, result.get(1));
    }

    private List<Long> runFlip(long userId, long videoId, long authorId, int delta) {
        List<Object> keys = List.of(setKey(userId), "video:counters:" + videoId,
                "user:counters:" + userId, "user:counters:" + authorId);
        return redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, FLIP,
                RScript.ReturnType.MULTI, keys, String.valueOf(videoId), String.valueOf(delta));
    }

    /** Which of these videos the user likes. */
    public Set<Long> likedAmong(long userId, Collection<Long> videoIds) {
        List<String> members = videoIds.stream().map(String::valueOf).toList();
        List<Double> scores = likedSet(userId).scores(members);
        Set<Long> liked = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            if (scores.get(i) != null) {
                liked.add(Long.valueOf(members.get(i)));
            }
        }
        return liked;
    }

    /** The user's liked videos, most recent first. */
    public List<Long> all(long userId) {
        return likedSet(userId).highestFirst().stream().map(Long::valueOf).toList();
    }

    /** The user's set, rebuilt from MySQL when Redis has none. */
    private CompleteSortedSet likedSet(long userId) {
        return new CompleteSortedSet(redisson, setKey(userId), () -> {
            Map<String, Double> members = new HashMap<>();
            for (LikedVideo liked : favorites.findLiked(userId)) {
                members.put(String.valueOf(liked.videoId()), (double) liked.likedAt());
            }
            return members;
        }, null);
    }

    static String setKey(long userId) {
        return "favorite:liked:" + userId;
    }
}
