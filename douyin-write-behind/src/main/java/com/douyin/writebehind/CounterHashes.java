package com.douyin.writebehind;

import com.douyin.api.cache.CachedEntity;
import java.util.Collection;
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
}
