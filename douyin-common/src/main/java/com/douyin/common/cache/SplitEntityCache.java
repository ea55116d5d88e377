package com.douyin.common.cache;

import com.douyin.common.metrics.DouyinMeters;
import com.douyin.api.cache.CachedEntity;
import com.douyin.common.redis.RedisOutage;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.redisson.api.BatchOptions;
import org.redisson.api.BatchResult;
import org.redisson.api.RBatch;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cache-aside layout of the architecture: an entity's fixed fields as one JSON value
 * ({@code PREFIX:info:ID}) and its counters as a hash ({@code PREFIX:counters:ID}, see {@link CachedEntity}) that can be
 * incremented in place, both with the same jittered TTL. A page is read or written in one
 * round trip (a Redisson batch). Redis errors count as misses, so callers fall back to MySQL;
 * during a {@link RedisOutage} Redis is not asked at all, and evictions are recorded for later.
 *
 * @param <T> the entity as callers see it (fixed fields and counters together)
 * @param <F> its fixed fields, stored as JSON
 */
public final class SplitEntityCache<T, F> {

    /** How an entity splits into fixed fields and counters, and joins again. */
    public interface Layout<T, F> {
        long idOf(T entity);

        F fixedOf(T entity);

        Map<String, Long> countersOf(T entity);

        T join(F fixed, Map<String, Long> counters);
    }

    private static final Logger log = LoggerFactory.getLogger(SplitEntityCache.class);
    /** KEYS: the counters hash. ARGV: field, value. Raises the field to the value where the hash exists and holds less. */
    private static final String RAISE_IF_CACHED = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            local held = redis.call('HGET', KEYS[1], ARGV[1])
            if held and tonumber(held) >= tonumber(ARGV[2]) then return 0 end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            return 1
            """;
    /**
     * KEYS: the counters hash. ARGV: TTL ms, then field/value pairs. Adds the fields the hash lacks
     * in one step (a change moves a hash only while it exists, so it never meets one half built),
     * sets the TTL, and answers the whole hash.
     */
    private static final String FILL = """
            for i = 2, #ARGV, 2 do redis.call('HSETNX', KEYS[1], ARGV[i], ARGV[i + 1]) end
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return redis.call('HGETALL', KEYS[1])
            """;
    private static final BatchOptions FILL_ONCE = BatchOptions.defaults().retryAttempts(0);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Longer than a read takes from its MySQL query to its cache write. */
    private static final Duration SECOND_EVICTION = Duration.ofSeconds(2);
    private static final ScheduledExecutorService SECOND_EVICTIONS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "cache-second-eviction");
        thread.setDaemon(true);
        return thread;
    });

    private final RedissonClient redisson;
    private final RedisOutage outage;
    private final CachedEntity entity;
    private final String prefix;
    private final Class<F> fixedType;
    private final List<String> counterNames;
    private final Layout<T, F> layout;
    private final Duration ttl;
    private final Counter hits;
    private final Counter misses;

    public SplitEntityCache(RedissonClient redisson, RedisOutage outage, CachedEntity entity, Class<F> fixedType, List<String> counterNames,
                            Layout<T, F> layout, Duration ttl) {
        this.redisson = redisson;
        this.outage = outage;
        this.entity = entity;
        this.prefix = entity.prefix();
        this.hits = DouyinMeters.cacheRequests(prefix, "hit");
        this.misses = DouyinMeters.cacheRequests(prefix, "miss");
        this.fixedType = fixedType;
        this.counterNames = counterNames;
        this.layout = layout;
        this.ttl = ttl;
    }

    /** The cached entities among {@code ids}; missing, partial or unreadable ones are absent. */
    public Map<Long, T> getAll(Collection<Long> ids) {
        Map<Long, T> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        if (outage.inEffect()) {
            misses.increment(ids.size());
            return found;
        }
        try {
            RBatch batch = redisson.createBatch();
            for (long id : ids) {
                batch.getBucket(infoKey(id), StringCodec.INSTANCE).getAsync();
                batch.getMap(countersKey(id), StringCodec.INSTANCE).readAllMapAsync();
            }
            BatchResult<?> result = batch.execute();
            List<?> responses = result.getResponses();
            int i = 0;
            for (long id : ids) {
                String fixed = (String) responses.get(i++);
                @SuppressWarnings("unchecked")
                Map<String, String> counters = (Map<String, String>) responses.get(i++);
                if (fixed != null && counters != null && counters.keySet().containsAll(counterNames)) {
                    found.put(id, layout.join(JSON.readValue(fixed, fixedType), parse(counters)));
                }
            }
            hits.increment(found.size());
            misses.increment(ids.size() - found.size());
            return found;
        } catch (RedisException e) {
            outage.failed(e);
            return Map.of();
        } catch (Exception e) {
            log.warn("{} cache read failed, reading MySQL instead: {}", prefix, e.toString());
            return Map.of();
        }
    }

    /**
     * Caches entities read from MySQL and answers them as they are now cached: the fixed fields
     * as given, the counters as Redis holds them. A live counters hash is moved in place by every
     * change (Lua), ahead of MySQL, so it is neither overwritten nor answered from MySQL: a read
     * that found only the fixed fields gone (an edited profile, a new cover) must not show the
     * counts MySQL has not caught up with yet. Without Redis, the entities as given.
     */
    public Map<Long, T> putAll(Collection<T> entities) {
        Map<Long, T> answered = new HashMap<>();
        entities.forEach(entity -> answered.put(layout.idOf(entity), entity));
        if (entities.isEmpty() || outage.inEffect()) {
            return answered;
        }
        try {
            // Sent once: a fill resent after a failed try can land seconds later, on a replica
            // promoted meanwhile, with counters older than the changes it then hides.
            RBatch batch = redisson.createBatch(FILL_ONCE);
            for (T entity : entities) {
                long id = layout.idOf(entity);
                Duration entityTtl = CacheTtl.withJitter(ttl);
                batch.getBucket(infoKey(id), StringCodec.INSTANCE)
                        .setAsync(JSON.writeValueAsString(layout.fixedOf(entity)), entityTtl);
                // Counters only where the hash lacks them, then whatever it holds.
                List<Object> args = new ArrayList<>(List.of(Long.toString(entityTtl.toMillis())));
                layout.countersOf(entity).forEach((name, value) -> {
                    args.add(name);
                    args.add(Long.toString(value));
                });
                batch.getScript(StringCodec.INSTANCE).evalAsync(RScript.Mode.READ_WRITE, FILL, RScript.ReturnType.MULTI,
                        List.of(countersKey(id)), args.toArray());
            }
            List<?> results = batch.execute().getResponses();
            int i = 0;
            for (T entity : entities) {
                i++; // the fixed fields' SET
                @SuppressWarnings("unchecked")
                List<Object> flat = (List<Object>) results.get(i++);
                Map<String, String> cached = new HashMap<>();
                for (int f = 0; f + 1 < flat.size(); f += 2) {
                    cached.put(String.valueOf(flat.get(f)), String.valueOf(flat.get(f + 1)));
                }
                if (cached.keySet().containsAll(counterNames)) {
                    answered.put(layout.idOf(entity), layout.join(layout.fixedOf(entity), parse(cached)));
                }
            }
        } catch (RedisException e) {
            outage.failed(e);
        } catch (Exception e) {
            log.warn("{} cache write failed (next read goes to MySQL): {}", prefix, e.toString());
        }
        return answered;
    }

    /**
     * Raises a counter that only grows (work_count) to {@code value}, its MySQL value after the
     * change, where the entity's counters are cached and hold less; a missing hash is rebuilt from
     * MySQL, which has it. For a counter whose one writer is the caller: unlike an eviction, it
     * keeps the other counters' changes still on their way to MySQL; unlike an increment, it
     * cannot count twice (a repeated command, a rebuild that read the new value already). While
     * Redis is out the hash is recorded to be dropped instead.
     */
    public void raiseCachedCounter(long id, String counter, long value) {
        if (!outage.inEffect()) {
            try {
                redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, RAISE_IF_CACHED, RScript.ReturnType.INTEGER,
                        List.of(countersKey(id)), counter, Long.toString(value));
                return;
            } catch (RedisException e) {
                outage.failed(e);
            }
        }
        outage.delete(List.of(countersKey(id)));
    }

    /**
     * Drops the fixed fields only (they changed in MySQL); the counters hash stays, with the
     * changes it holds. Dropped again {@link #SECOND_EVICTION} later: a read that fetched the row
     * before the change may cache it just after the first drop (a poll of a new video's cover did).
     */
    public void evictInfo(long id) {
        outage.delete(List.of(infoKey(id)));
        SECOND_EVICTIONS.schedule(() -> {
            try {
                outage.delete(List.of(infoKey(id)));
            } catch (RuntimeException e) {
                log.warn("{} second eviction of {} failed: {}", prefix, id, e.toString());
            }
        }, SECOND_EVICTION.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Drops the entity from Redis, or, while Redis is out, records its keys to be dropped when it is back. */
    public void evict(long id) {
        outage.delete(List.of(infoKey(id), countersKey(id)));
    }

    private static Map<String, Long> parse(Map<String, String> counters) {
        return counters.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> Long.parseLong(e.getValue())));
    }

    public String infoKey(long id) {
        return entity.infoKey(id);
    }

    public String countersKey(long id) {
        return entity.countersKey(id);
    }
}
