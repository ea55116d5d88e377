package com.douyin.gateway.web;

import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * A lifetime between half and all of {@code ttl}, drawn per entry: entries loaded together (a
 * warm-up, a burst of pages) then expire spread over time instead of all at once, when every
 * page would have to load them again from the providers in the same second. An entry that is
 * still settling (a video awaiting its cover) lives {@code settlingTtl} instead.
 */
final class JitteredTtl<K, V> implements Expiry<K, V> {

    private final long ttlNanos;
    private final Predicate<V> settling;
    private final long settlingNanos;

    JitteredTtl(Duration ttl) {
        this(ttl, value -> false, Duration.ZERO);
    }

    JitteredTtl(Duration ttl, Predicate<V> settling, Duration settlingTtl) {
        this.ttlNanos = Math.max(1, ttl.toNanos());
        this.settling = settling;
        this.settlingNanos = Math.max(1, settlingTtl.toNanos());
    }

    @Override
    public long expireAfterCreate(K key, V value, long currentTime) {
        if (settling.test(value)) {
            return settlingNanos;
        }
        return ttlNanos / 2 + ThreadLocalRandom.current().nextLong(ttlNanos / 2 + 1);
    }

    @Override
    public long expireAfterUpdate(K key, V value, long currentTime, long currentDuration) {
        return expireAfterCreate(key, value, currentTime);
    }

    @Override
    public long expireAfterRead(K key, V value, long currentTime, long currentDuration) {
        return currentDuration;
    }
}
