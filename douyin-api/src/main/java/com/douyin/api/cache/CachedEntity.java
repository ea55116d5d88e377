package com.douyin.api.cache;

/**
 * The Redis key layout of the two entities whose counters other providers move: a contract between
 * providers, like the Dubbo interfaces beside it. The owner caches the entity (fixed fields in
 * {@code PREFIX:info:ID}, counters in the hash {@code PREFIX:counters:ID}) and alone writes its
 * rows; a hot write of another provider moves single fields of that hash, where it is cached, in
 * the same Lua step as its own change, so the counts a client reads next already show it. The MySQL
 * counters follow through the owner's consumer (or its sink, on the synchronous path).
 *
 * <pre>
 * hash                field             moved in Redis by (Lua step)        moved in MySQL by (owner)
 * user:counters:ID    follow_count      relation FollowedUsers              user UserCounterService
 *                     follower_count    relation FollowedUsers              user UserCounterService
 *                     favorite_count    favorite FavoritedVideos            user UserCounterService
 *                     total_favorited   favorite FavoritedVideos (author)   user UserCounterService
 *                     work_count        user (its cache, from the event)    user UserCounterService
 * video:counters:ID   favorite_count    favorite FavoritedVideos            video VideoCounterService
 *                     comment_count     comment VideoComments               video VideoCounterService
 * </pre>
 */
public enum CachedEntity {
    USER("user"),
    VIDEO("video");

    /** Counter fields of {@link #USER}'s hash that other providers move. */
    public static final String FOLLOW_COUNT = "follow_count";
    public static final String FOLLOWER_COUNT = "follower_count";
    public static final String FAVORITE_COUNT = "favorite_count"; // USER and VIDEO
    public static final String TOTAL_FAVORITED = "total_favorited";
    /** Counter field of {@link #VIDEO}'s hash that the comment provider moves (in its Lua script). */
    public static final String COMMENT_COUNT = "comment_count";

    /**
     * A counters hash that a change moved is kept at least this long after it (the Lua step raises
     * its TTL): far longer than a change takes to reach MySQL, so the hash does not expire and get
     * rebuilt from MySQL while a change it showed is still on its way there.
     */
    public static final long KEPT_AFTER_CHANGE_MS = 10 * 60_000;

    private final String prefix;

    CachedEntity(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    public String infoKey(long id) {
        return prefix + ":info:" + id;
    }

    public String countersKey(long id) {
        return prefix + ":counters:" + id;
    }

    /** The ID in {@code key} if it is one of this entity's counter hashes ({@link #countersKey}), else null. */
    public Long idOfCountersKey(String key) {
        String start = prefix + ":counters:";
        if (!key.startsWith(start)) {
            return null;
        }
        try {
            return Long.parseLong(key.substring(start.length()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
