package com.douyin.common.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SnowflakeIdGeneratorTest {

    private static final long T0 = SnowflakeIdGenerator.EPOCH_MS + 86_400_000L;

    private static WorkerIdSource worker(int id, long lastIssued) {
        return new WorkerIdSource() {
            public int currentWorkerId() { return id; }
            public long lastIssuedTimestamp() { return lastIssued; }
        };
    }

    @Test
    void idsAreUniqueIncreasingAndBelowTwoToThe53() {
        AtomicLong clock = new AtomicLong(T0);
        SnowflakeIdGenerator generator = new SnowflakeIdGenerator(worker(31, 0), clock::get);
        Set<Long> seen = new HashSet<>();
        long previous = -1;
        for (int i = 0; i < 10_000; i++) {
            if (i % 100 == 0) clock.incrementAndGet();
            long id = generator.nextId();
            assertThat(id).isGreaterThan(previous).isLessThan(1L << 53);
            assertThat(seen.add(id)).isTrue();
            previous = id;
        }
    }

    @Test
    void clockSteppingBackwardsNeverRepeatsAnId() {
        AtomicLong clock = new AtomicLong(T0);
        SnowflakeIdGenerator generator = new SnowflakeIdGenerator(worker(3, 0), clock::get);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) seen.add(generator.nextId());
        clock.addAndGet(-5_000); // NTP steps the clock back five seconds
        long previous = generator.nextId();
        seen.add(previous);
        for (int i = 0; i < 2_000; i++) {
            long id = generator.nextId();
            assertThat(id).isGreaterThan(previous);
            assertThat(seen.add(id)).isTrue();
            previous = id;
        }
        assertThat(seen).hasSize(3_001);
    }

    @Test
    void startsAfterTheClockSavedByTheLeaseHolderBefore() {
        long savedByPreviousHolder = T0 + 60_000;
        SnowflakeIdGenerator generator = new SnowflakeIdGenerator(worker(1, savedByPreviousHolder), () -> T0);
        assertThat(SnowflakeIdGenerator.timestampOf(generator.nextId())).isGreaterThanOrEqualTo(savedByPreviousHolder);
    }

    @Test
    void timestampAndWorkerAreEncoded() {
        SnowflakeIdGenerator generator = new SnowflakeIdGenerator(worker(7, 0), () -> T0);
        long id = generator.nextId();
        assertThat(SnowflakeIdGenerator.timestampOf(id)).isEqualTo(T0);
        assertThat((id >> 8) & 31).isEqualTo(7);
    }

    @Test
    void refusesWhenTheWorkerIdIsNoLongerHeld() {
        WorkerIdSource lost = new WorkerIdSource() {
            public int currentWorkerId() { throw new IllegalStateException("lease lost"); }
            public long lastIssuedTimestamp() { return 0; }
        };
        assertThatThrownBy(() -> new SnowflakeIdGenerator(lost, () -> T0).nextId())
                .hasMessageContaining("lease lost");
    }
}
