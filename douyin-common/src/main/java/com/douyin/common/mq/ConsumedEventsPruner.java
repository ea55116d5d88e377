package com.douyin.common.mq;

import java.sql.Timestamp;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps consumed_event from growing forever: a key is needed only while its event can still
 * arrive again, so keys older than {@code douyin.mq.consumed-event-kept} (7 days) are deleted,
 * hourly, in small chunks. That is far past every redelivery: the broker's retries end after
 * about 5 hours (16 delay levels), the outbox and the Redis journal resend within minutes of the
 * broker or MySQL coming back. Each provider runs it (the deletes are idempotent).
 */
public class ConsumedEventsPruner {

    private static final Logger log = LoggerFactory.getLogger(ConsumedEventsPruner.class);
    private static final int CHUNK = 5_000;

    private final JdbcTemplate jdbc;
    private final Duration kept;

    public ConsumedEventsPruner(JdbcTemplate jdbc, Duration kept) {
        this.jdbc = jdbc;
        this.kept = kept;
    }

    /** Deletes the keys older than the kept age; returns how many. */
    public int prune() {
        Timestamp before = new Timestamp(System.currentTimeMillis() - kept.toMillis());
        int total = 0;
        int deleted;
        do { // a chunk at a time, so no one statement holds locks on millions of rows
            deleted = jdbc.update("DELETE FROM consumed_event WHERE created_at < ? LIMIT " + CHUNK, before);
            total += deleted;
        } while (deleted == CHUNK);
        return total;
    }

    @Scheduled(initialDelay = 60_000, fixedDelay = 3_600_000)
    public void pruneHourly() {
        try {
            int deleted = prune();
            if (deleted > 0) {
                log.info("Pruned {} consumed_event keys older than {}", deleted, kept);
            }
        } catch (RuntimeException e) {
            log.warn("consumed_event not pruned this time: {}", e.toString());
        }
    }
}
