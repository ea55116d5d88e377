package com.douyin.common.id;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Leases a worker ID (0..31) per service in the {@code snowflake_worker} table: a row is free
 * when its lease has run out (by the database's clock), taken with one conditional UPDATE,
 * renewed every 10 s for 30 s. The lease lives in MySQL, not Redis, because the rows these IDs
 * name go to MySQL anyway: with Redis down, comments and videos can still be created.
 *
 * <p>If renewals fail (database unreachable), the instance keeps its ID only while the lease it
 * last renewed can still be valid, then refuses to mint IDs: nobody else can have taken the ID
 * before that. Each renewal also saves the generator's logical clock, so an instance that takes
 * the ID over later never goes below it even if its own clock is behind.
 */
public final class MysqlWorkerIdLease implements WorkerIdSource, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MysqlWorkerIdLease.class);
    static final Duration TTL = Duration.ofSeconds(30);
    static final Duration RENEW_EVERY = Duration.ofSeconds(10);
    /** Stop minting a little before the lease can expire, to allow for clock drift. */
    static final Duration SAFE_HOLD = TTL.minusSeconds(5);
    private static final String NOW_MS = "CAST(UNIX_TIMESTAMP(NOW(3)) * 1000 AS SIGNED)";

    private final JdbcTemplate jdbc;
    private final String service;
    private final String holder = UUID.randomUUID().toString();
    private final ScheduledExecutorService renewer;
    private volatile int workerId;
    private volatile long lastIssuedTimestamp;
    private volatile long leaseValidUntilNanos;
    private volatile LongSupplier logicalClock = () -> 0L;

    public MysqlWorkerIdLease(JdbcTemplate jdbc, String service) {
        this.jdbc = jdbc;
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
        jdbc.batchUpdate("INSERT IGNORE INTO snowflake_worker (service, worker_id) VALUES (?, ?)",
                IntStream.rangeClosed(0, SnowflakeIdGenerator.MAX_WORKER_ID).mapToObj(id -> new Object[] {service, id}).toList());
        long started = System.nanoTime();
        int taken = jdbc.update("UPDATE snowflake_worker SET holder = ?, lease_until = " + NOW_MS + " + ?"
                + " WHERE service = ? AND lease_until < " + NOW_MS + " ORDER BY worker_id LIMIT 1",
                holder, TTL.toMillis(), service);
        if (taken == 0) {
            throw new IllegalStateException("All " + (SnowflakeIdGenerator.MAX_WORKER_ID + 1)
                    + " snowflake worker IDs of " + service + " are leased");
        }
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT worker_id, last_timestamp FROM snowflake_worker WHERE service = ? AND holder = ?", service, holder);
        leaseValidUntilNanos = started + SAFE_HOLD.toNanos();
        lastIssuedTimestamp = ((Number) row.get("last_timestamp")).longValue();
        int id = ((Number) row.get("worker_id")).intValue();
        log.info("Leased snowflake worker ID {} for service {}", id, service);
        return id;
    }

    private void renew() {
        long started = System.nanoTime();
        try {
            int renewed = jdbc.update("UPDATE snowflake_worker SET lease_until = " + NOW_MS + " + ?,"
                    + " last_timestamp = GREATEST(last_timestamp, ?) WHERE service = ? AND worker_id = ? AND holder = ?",
                    TTL.toMillis(), logicalClock.getAsLong(), service, workerId, holder);
            if (renewed == 1) {
                leaseValidUntilNanos = started + SAFE_HOLD.toNanos();
            } else {
                log.warn("Snowflake worker ID {} of {} was taken by another instance; leasing a new one", workerId, service);
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

    @Override
    public void close() {
        renewer.shutdownNow();
        try {
            jdbc.update("UPDATE snowflake_worker SET holder = NULL, lease_until = 0, last_timestamp = GREATEST(last_timestamp, ?)"
                    + " WHERE service = ? AND worker_id = ? AND holder = ?", logicalClock.getAsLong(), service, workerId, holder);
        } catch (RuntimeException e) {
            log.warn("Cannot release snowflake worker ID {} of {}: it expires by itself", workerId, service);
        }
    }

    /** The IDs held now, for tests. */
    static List<Integer> heldIds(JdbcTemplate jdbc, String service) {
        return jdbc.queryForList("SELECT worker_id FROM snowflake_worker WHERE service = ? AND lease_until > " + NOW_MS,
                Integer.class, service);
    }
}
