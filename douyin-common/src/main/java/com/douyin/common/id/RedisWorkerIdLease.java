package com.douyin.common.id;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leases a worker ID (0..31) per service in Redis: {@code SET NX PX} on
 * {@code snowflake:{service}:worker:{n}}, renewed every 10 s with a 30 s TTL.
 *
 * <p>If renewals fail (Redis down), the instance keeps its ID only while the lease it last
 * renewed can still be valid, then refuses to mint IDs: no other instance can have taken the ID
 * before that lease expired. On each renewal it also saves the generator's logical clock, so an
 * instance that takes the ID over later never goes below it even if its own clock is behind.
 */
public final class RedisWorkerIdLease implements WorkerIdSource, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisWorkerIdLease.class);
    static final Duration TTL = Duration.ofSeconds(30);
    static final Duration RENEW_EVERY = Duration.ofSeconds(10);
    /** Stop minting a little before the lease can expire, to allow for clock drift. */
    static final Duration SAFE_HOLD = TTL.minusSeconds(5);

    private static final String RENEW_SCRIPT =
            "if redis.call('get', KEYS[1]) == ARGV[1] then "
                    + "redis.call('pexpire', KEYS[1], ARGV[2]); redis.call('set', KEYS[2], ARGV[3]); return 1 "
                    + "elseif redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then "
                    + "redis.call('set', KEYS[2], ARGV[3]); return 1 "
                    + "else return 0 end";

    private final RedissonClient redisson;
    private final String service;
    private final String holder = UUID.randomUUID().toString();
    private final ScheduledExecutorService renewer;
    private volatile int workerId;
    private volatile long lastIssuedTimestamp;
    private volatile long leaseValidUntilNanos;
    private volatile LongSupplier logicalClock = () -> 0L;

    public RedisWorkerIdLease(RedissonClient redisson, String service) {
        this.redisson = redisson;
        this.service = service;
        this.workerId = acquire();
        this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "snowflake-lease-renewer");
            t.setDaemon(true);
            return t;
        });
        long period = RENEW_EVERY.toMillis();
        renewer.scheduleAtFixedRate(this::renew, period, period, TimeUnit.MILLISECONDS);
    }

    /** Lets the lease save the generator's logical clock on every renewal. */
    public void reportClock(LongSupplier generatorClock) {
        this.logicalClock = generatorClock;
    }

    private int acquire() {
        for (int id = 0; id <= SnowflakeIdGenerator.MAX_WORKER_ID; id++) {
            long started = System.nanoTime();
            if (redisson.getBucket(leaseKey(id), StringCodec.INSTANCE).setIfAbsent(holder, TTL)) {
                leaseValidUntilNanos = started + SAFE_HOLD.toNanos();
                String last = (String) redisson.getBucket(clockKey(id), StringCodec.INSTANCE).get();
                lastIssuedTimestamp = last == null ? 0 : Long.parseLong(last);
                log.info("Leased snowflake worker ID {} for service {}", id, service);
                return id;
            }
        }
        throw new IllegalStateException("All " + (SnowflakeIdGenerator.MAX_WORKER_ID + 1)
                + " snowflake worker IDs of " + service + " are leased");
    }

    private void renew() {
        long started = System.nanoTime();
        try {
            int id = workerId;
            Long ok = redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, RENEW_SCRIPT,
                    RScript.ReturnType.INTEGER, List.of(leaseKey(id), clockKey(id)),
                    holder, String.valueOf(TTL.toMillis()), String.valueOf(logicalClock.getAsLong()));
            if (ok != null && ok == 1L) {
                leaseValidUntilNanos = started + SAFE_HOLD.toNanos();
            } else {
                log.warn("Snowflake worker ID {} of {} was taken by another instance; leasing a new one", id, service);
                workerId = acquire();
            }
        } catch (RuntimeException e) {
            log.warn("Cannot renew the snowflake worker lease of {}: {}", service, e.toString());
        }
    }

    @Override
    public int currentWorkerId() {
        if (System.nanoTime() - leaseValidUntilNanos > 0) {
            throw new DouyinException(ErrorCode.SERVICE_UNAVAILABLE,
                    "Cannot create new items right now, please try again shortly.");
        }
        return workerId;
    }

    @Override
    public long lastIssuedTimestamp() {
        return lastIssuedTimestamp;
    }

    private String leaseKey(int id) {
        return "snowflake:" + service + ":worker:" + id;
    }

    private String clockKey(int id) {
        return "snowflake:" + service + ":clock:" + id;
    }

    @Override
    public void close() {
        renewer.shutdownNow();
        try {
            redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE,
                    "if redis.call('get', KEYS[1]) == ARGV[1] then redis.call('set', KEYS[2], ARGV[2]); "
                            + "return redis.call('del', KEYS[1]) else return 0 end",
                    RScript.ReturnType.INTEGER, List.of(leaseKey(workerId), clockKey(workerId)),
                    holder, String.valueOf(logicalClock.getAsLong()));
        } catch (RuntimeException e) {
            log.warn("Cannot release snowflake worker ID {} of {}: it expires by itself", workerId, service);
        }
    }
}
