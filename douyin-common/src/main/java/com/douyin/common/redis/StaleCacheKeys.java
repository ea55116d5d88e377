package com.douyin.common.redis;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.redisson.api.RedissonClient;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger of Redis keys that MySQL writes made stale while this service could not use Redis
 * (table {@code cache_stale_key}): recorded in the writer's transaction, deleted from Redis a page
 * at a time by {@link RedisOutage}'s sweeper, so each is rebuilt from MySQL on its next use.
 * Shared by every instance: one that died leaves its keys to the others.
 */
final class StaleCacheKeys {

    static final int PAGE = 500;

    private final RedissonClient redisson;
    private final JdbcTemplate jdbc;

    StaleCacheKeys(RedissonClient redisson, JdbcTemplate jdbc) {
        this.redisson = redisson;
        this.jdbc = jdbc;
    }

    /**
     * Records keys; joins the caller's transaction. Concurrent writers share keys (a video's
     * counters), so each locks its keys in one order (sorted) and at once exclusively (an INSERT
     * IGNORE of an existing key would take a shared lock first): otherwise two of them deadlock,
     * as a storm of likes during an outage showed.
     */
    void record(Collection<String> keys) {
        jdbc.batchUpdate("INSERT INTO cache_stale_key (cache_key) VALUES (?) ON DUPLICATE KEY UPDATE cache_key = cache_key",
                asRows(new TreeSet<>(keys)));
    }

    /** Deletes the oldest page of recorded keys from Redis, then from the ledger; answers how many. */
    int deletePage() {
        List<String> keys = jdbc.queryForList("SELECT cache_key FROM cache_stale_key ORDER BY created_at LIMIT " + PAGE, String.class);
        if (keys.isEmpty()) {
            return 0;
        }
        redisson.getKeys().delete(keys.toArray(String[]::new));
        jdbc.batchUpdate("DELETE FROM cache_stale_key WHERE cache_key = ?", asRows(new TreeSet<>(keys))); // the writers' lock order
        return keys.size();
    }

    /** One batch row per key. */
    private static List<Object[]> asRows(Collection<String> keys) {
        return keys.stream().map(key -> new Object[] {key}).toList();
    }
}
