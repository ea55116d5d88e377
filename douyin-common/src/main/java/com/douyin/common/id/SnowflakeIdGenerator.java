package com.douyin.common.id;

import java.util.function.LongSupplier;

/**
 * Time-ordered 53-bit IDs: 40 bits of milliseconds since 2026-01-01 (until 2060), 5 bits of
 * worker ID, 8 bits of sequence. 53 bits keep every ID exact in clients that read JSON numbers
 * as doubles (the contract's rule).
 *
 * <p>A clock that steps backwards is handled: the generator keeps a logical clock that never
 * goes back (it goes on from the last timestamp it used), so an ID is never repeated.
 */
public final class SnowflakeIdGenerator {

    public static final long EPOCH_MS = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
    static final int WORKER_BITS = 5;
    static final int SEQUENCE_BITS = 8;
    public static final int MAX_WORKER_ID = (1 << WORKER_BITS) - 1;
    private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;
    private static final long MAX_TIMESTAMP = (1L << 40) - 1;

    private final LongSupplier clock;
    private final WorkerIdSource workerIds;
    private long lastTimestamp;
    private long sequence;

    public SnowflakeIdGenerator(WorkerIdSource workerIds, LongSupplier clock) {
        this.workerIds = workerIds;
        this.clock = clock;
        this.lastTimestamp = EPOCH_MS;
    }

    public synchronized long nextId() {
        long workerId = workerIds.currentWorkerId();
        long now = Math.max(clock.getAsLong(), Math.max(lastTimestamp, workerIds.lastIssuedTimestamp()));
        if (now == lastTimestamp) {
            sequence = (sequence + 1) & SEQUENCE_MASK;
            if (sequence == 0) {
                now = lastTimestamp + 1; // this millisecond is used up: borrow the next one
            }
        } else {
            sequence = 0;
        }
        lastTimestamp = now;
        long elapsed = now - EPOCH_MS;
        if (elapsed > MAX_TIMESTAMP) {
            throw new IllegalStateException("Snowflake timestamp overflow");
        }
        return (elapsed << (WORKER_BITS + SEQUENCE_BITS)) | (workerId << SEQUENCE_BITS) | sequence;
    }

    /** The logical clock, saved with the lease so a restarted instance starts after it. */
    public synchronized long lastTimestamp() {
        return lastTimestamp;
    }

    /** Milliseconds since the epoch at which an ID was minted. */
    public static long timestampOf(long id) {
        return (id >>> (WORKER_BITS + SEQUENCE_BITS)) + EPOCH_MS;
    }
}
