package com.douyin.common.redis;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.common.metrics.DouyinMeters;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisException;
import org.redisson.client.RedisNodeNotFoundException;
import org.redisson.client.RedisRetryException;
import org.redisson.client.RedisTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether this service uses Redis right now, and how the cache is put right after an outage.
 *
 * <p>A Redis error starts an outage if Redis does not answer a {@link RedisPing} either: from then
 * on callers go to MySQL at once ({@link #redisOrElse}) instead of each waiting for a timeout.
 * If Redis does answer, the error was this call's (a timeout because the JVM was starved of
 * CPU, a busy pool): that call alone goes to MySQL, or, for a change Redis decides
 * ({@link #decideOrElse}), is asked again and otherwise refused, because its pair's row may not
 * hold the changes still on their way from Redis through the broker. A write made to MySQL meanwhile
 * names the Redis keys it makes stale ({@link #markStale}, in its transaction, into the
 * {@link StaleCacheKeys} ledger). A sweeper deletes recorded keys from Redis, so they are rebuilt
 * from MySQL on their next use: every second during an outage and for a while after this instance
 * recorded a key, every ten seconds otherwise. The outage ends once Redis answers and no recorded
 * key is left, and only then does the service use Redis again. Keys recorded by any instance are
 * swept by every instance (the instance that recorded them within a second, the others within
 * ten), so a Redis that comes back with its old data does not serve it for long even when the
 * instance that recorded them died.
 *
 * <p>Not a Sentinel circuit breaker: a breaker's half-open probe would send a real request to
 * Redis before the stale keys are gone.
 */
public class RedisOutage implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisOutage.class);
    /** How long after recording a key this instance keeps sweeping every second (its transaction commits meanwhile). */
    private static final long RECORDED_RECENTLY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final RedissonClient redisson;
    private final StaleCacheKeys staleKeys;
    private final BooleanSupplier redisAnswers;
    /** Held by the one caller asking the ping, so an outage's first errors do not each wait for it. */
    private final AtomicBoolean pinging = new AtomicBoolean();
    /** MySQL-path work holds it shared; the end of an outage takes it alone, so no such write is half done then. */
    private final ReadWriteLock mysqlPath = new ReentrantReadWriteLock();
    private final SweepTimer sweeper;
    private volatile boolean down;
    private volatile long recordedAt = System.nanoTime() - RECORDED_RECENTLY_NANOS;

    /** {@code redisAnswers}: the second opinion on an error, normally {@link RedisPing#answers}. */
    public RedisOutage(RedissonClient redisson, JdbcTemplate jdbc, BooleanSupplier redisAnswers) {
        this(redisson, jdbc, redisAnswers, Duration.ofSeconds(1), Duration.ofSeconds(10));
    }

    RedisOutage(RedissonClient redisson, JdbcTemplate jdbc, BooleanSupplier redisAnswers, Duration sweepQuickly, Duration sweepIdle) {
        this.redisson = redisson;
        this.staleKeys = new StaleCacheKeys(redisson, jdbc);
        this.redisAnswers = redisAnswers;
        Gauge.builder("douyin.redis.outage", this, outage -> outage.down ? 1 : 0)
                .description("1 while this service serves from MySQL because Redis is unreachable")
                .register(Metrics.globalRegistry);
        this.sweeper = new SweepTimer("redis-outage-sweeper", this::sweep, this::sweepQuickly, sweepQuickly, sweepIdle);
    }

    private boolean sweepQuickly() {
        return down || System.nanoTime() - recordedAt < RECORDED_RECENTLY_NANOS;
    }

    public boolean inEffect() {
        return down;
    }

    /** {@code redis}, or {@code mysql} during an outage or when {@code redis} meets a Redis error. */
    public <T> T redisOrElse(Supplier<T> redis, Supplier<T> mysql) {
        if (!down) {
            try {
                return redis.get();
            } catch (RedisException e) {
                failed(e); // an outage, or an error of this call only: MySQL answers it either way
            }
        }
        return fromMysql(mysql);
    }

    public void redisOrElse(Runnable redis, Runnable mysql) {
        redisOrElse(answeringNothing(redis), answeringNothing(mysql));
    }

    /**
     * For a change that Redis decides and MySQL learns later (a like, a follow): {@code redis}, or
     * {@code mysql} during an outage. A Redis error that is not an outage asks {@code redis} once
     * more (so it must be safe to repeat, see douyin-write-behind's ToggleSet), then
     * refuses the call as {@link ErrorCode#SERVICE_UNAVAILABLE}: the pair's row may lack changes
     * still on their way through the broker, so MySQL cannot decide this one call.
     */
    public <T> T decideOrElse(Supplier<T> redis, Supplier<T> mysql) {
        for (int attempt = 1; !down; attempt++) {
            try {
                return redis.get();
            } catch (RedisException e) {
                failed(e);
                if (!down && attempt == 2) {
                    throw new DouyinException(ErrorCode.SERVICE_UNAVAILABLE);
                }
            }
        }
        return fromMysql(mysql);
    }

    public void decideOrElse(Runnable redis, Runnable mysql) {
        decideOrElse(answeringNothing(redis), answeringNothing(mysql));
    }

    private static Supplier<Void> answeringNothing(Runnable step) {
        return () -> {
            step.run();
            return null;
        };
    }

    private <T> T fromMysql(Supplier<T> mysql) {
        DouyinMeters.fallback("redis");
        mysqlPath.readLock().lock();
        try {
            return mysql.get();
        } finally {
            mysqlPath.readLock().unlock();
        }
    }

    /**
     * A caller met a Redis error (outside {@link #redisOrElse}). Redis unreachable or timing out
     * starts an outage if a ping on a connection of its own gets no answer either; any other error
     * (a script's, a missing structure's), or one while Redis answers the ping, concerns the one
     * call only. While one caller pings, the others' errors count as their own.
     */
    public void failed(RedisException error) {
        if (!isUnreachable(error) || down) {
            if (!down) {
                logCallError(error);
            }
            return;
        }
        if (!pinging.compareAndSet(false, true)) {
            logCallError(error);
            return;
        }
        try {
            if (redisAnswers.getAsBoolean()) {
                logCallError(error);
            } else if (!down) {
                down = true;
                sweeper.hurry();
                log.warn("Redis unavailable, serving from MySQL until it answers again: {}", error.toString());
            }
        } finally {
            pinging.set(false);
        }
    }

    private static void logCallError(RedisException error) {
        log.warn("Redis error on this call only, not an outage: {}{}", error.toString(),
                error.getCause() == null ? "" : " (" + error.getCause() + ")");
    }

    static boolean isUnreachable(RedisException error) {
        return error instanceof RedisConnectionException || error instanceof RedisTimeoutException
                || error instanceof RedisRetryException || error instanceof RedisNodeNotFoundException;
    }

    /** Records keys whose Redis copy a MySQL write made stale; joins the caller's transaction. */
    public void markStale(Collection<String> keys) {
        if (!keys.isEmpty()) {
            recordedAt = System.nanoTime();
            sweeper.hurry();
            staleKeys.record(keys);
        }
    }

    /** Deletes a key now if Redis answers, otherwise records it to be deleted when it does. */
    public void delete(Collection<String> keys) {
        try {
            if (!down) {
                redisson.getKeys().delete(keys.toArray(String[]::new));
                return;
            }
        } catch (RedisException e) {
            failed(e);
        }
        markStale(keys);
    }

    void sweep() {
        try {
            while (staleKeys.deletePage() == StaleCacheKeys.PAGE) {
                // more to delete
            }
            if (down) {
                endIfClean();
            }
        } catch (RedisException e) {
            failed(e);
        } catch (RuntimeException e) {
            log.warn("Stale cache keys not swept yet: {}", e.toString());
        }
    }

    private void endIfClean() {
        redisson.getKeys().count(); // Redis answers?
        mysqlPath.writeLock().lock();
        try {
            if (staleKeys.deletePage() == 0) {
                down = false;
                log.info("Redis answers again and its stale keys are deleted: using it again");
            }
        } finally {
            mysqlPath.writeLock().unlock();
        }
    }

    @Override
    public void close() {
        sweeper.close();
    }
}
