package com.douyin.writebehind;

import com.douyin.api.cache.CachedEntity;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every Lua step that moves another provider's cached counters ({@link CachedEntity}) does
 * with them: likes and follows ({@link ToggleSet}), comments.
 */
public final class CounterHashes {

    private static final Logger log = LoggerFactory.getLogger(CounterHashes.class);

    /**
     * A Lua function to put at the head of such a script: {@code move_counter(hash, field, delta)}
     * moves the field where the hash is cached and keeps the hash at least
     * {@link CachedEntity#KEPT_AFTER_CHANGE_MS}, so it cannot expire, and be rebuilt from MySQL,
     * while the change is on its way there.
     */
    public static final String MOVE_COUNTER_LUA = """
            local function move_counter(hash, field, delta)
              if redis.call('EXISTS', hash) == 0 then return end
              redis.call('HINCRBY', hash, field, delta)
              local ttl = redis.call('PTTL', hash)
              if ttl >= 0 and ttl < KEPT_MS then redis.call('PEXPIRE', hash, KEPT_MS) end
            end
            """.replace("KEPT_MS", Long.toString(CachedEntity.KEPT_AFTER_CHANGE_MS));

    private CounterHashes() {
    }

    /**
     * Asks the owners to cache these hashes before a change moves them; if they cannot now (their
     * provider is down), the change goes ahead and moves only those Redis holds.
     */
    public static void askToCache(ToggleSet.CounterOwners owners, Collection<String> hashKeys) {
        try {
            owners.cache(hashKeys);
        } catch (RuntimeException e) {
            log.warn("Counters {} not cached by their owners ({}): a change moves only those Redis holds", hashKeys, e.toString());
        }
    }

    /**
     * On a Redis Cluster, where a change's script cannot see other owners' hashes (other slots):
     * asks Redis which of {@code wanted} (by owner) it holds, in one round trip, and the owners to
     * cache the others, before the change is made.
     */
    public static void cacheMissing(RedissonClient redisson, Map<ToggleSet.CounterOwners, Set<String>> wanted) {
        Set<String> keys = new LinkedHashSet<>();
        wanted.values().forEach(keys::addAll);
        if (keys.isEmpty()) {
            return;
        }
        RBatch batch = redisson.createBatch();
        Map<String, RFuture<Long>> exists = new LinkedHashMap<>();
        keys.forEach(key -> exists.put(key, batch.getKeys().countExistsAsync(key)));
        batch.execute();
        wanted.forEach((owners, hashes) -> {
            List<String> missing = hashes.stream().filter(key -> exists.get(key).toCompletableFuture().join() == 0).toList();
            if (!missing.isEmpty()) {
                askToCache(owners, missing);
            }
        });
    }
}
