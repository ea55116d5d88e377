package com.douyin.favorite.cache;

import com.douyin.favorite.dao.FavoriteMapper;
import com.douyin.favorite.dao.LikedVideo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redisson.api.RLock;
import org.redisson.api.RScoredSortedSet;
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

    /** A member that marks a loaded set, so a user who likes nothing still has one. */
    private static final String LOADED = "loaded";

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
            load(userId);
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
        RScoredSortedSet<String> set = loaded(userId);
        List<String> members = videoIds.stream().map(String::valueOf).toList();
        List<Double> scores = set.getScore(members);
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
        List<Long> ids = new ArrayList<>();
        for (String member : loaded(userId).valueRangeReversed(0, -1)) {
            if (!LOADED.equals(member)) {
                ids.add(Long.valueOf(member));
            }
        }
        return ids;
    }

    private RScoredSortedSet<String> loaded(long userId) {
        RScoredSortedSet<String> set = redisson.getScoredSortedSet(setKey(userId), StringCodec.INSTANCE);
        if (!set.isExists()) {
            load(userId);
        }
        return set;
    }

    /** Rebuilds a user's set from MySQL, once (under a lock) however many requests miss it. */
    private void load(long userId) {
        RLock lock = redisson.getLock(setKey(userId) + ":load");
        lock.lock();
        try {
            RScoredSortedSet<String> set = redisson.getScoredSortedSet(setKey(userId), StringCodec.INSTANCE);
            if (set.isExists()) {
                return;
            }
            Map<String, Double> members = new HashMap<>();
            members.put(LOADED, 0d);
            for (LikedVideo liked : favorites.findLiked(userId)) {
                members.put(String.valueOf(liked.videoId()), (double) liked.likedAt());
            }
            set.addAll(members);
        } finally {
            lock.unlock();
        }
    }

    static String setKey(long userId) {
        return "favorite:liked:" + userId;
    }
}
