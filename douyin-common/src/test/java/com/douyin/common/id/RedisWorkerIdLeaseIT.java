package com.douyin.common.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/** Worker ID leases against the machine's real Redis (database 1). */
class RedisWorkerIdLeaseIT {

    private static RedissonClient redisson;

    @BeforeAll
    static void connect() {
        String address = System.getenv().getOrDefault("DOUYIN_IT_REDIS_URL", "redis://127.0.0.1:6379");
        Config config = new Config();
        config.useSingleServer().setAddress(address).setDatabase(1);
        redisson = Redisson.create(config);
    }

    @AfterAll
    static void disconnect() {
        redisson.shutdown();
    }

    @Test
    void liveInstancesOfOneServiceNeverShareAWorkerId() {
        String service = "lease-it-" + UUID.randomUUID();
        List<RedisWorkerIdLease> leases = new ArrayList<>();
        Set<Integer> ids = new HashSet<>();
        try {
            for (int i = 0; i < 5; i++) {
                RedisWorkerIdLease lease = new RedisWorkerIdLease(redisson, service);
                leases.add(lease);
                assertThat(ids.add(lease.currentWorkerId())).isTrue();
            }
        } finally {
            leases.forEach(RedisWorkerIdLease::close);
        }
    }

    @Test
    void aReleasedIdIsReusedAndStartsAfterTheSavedClock() {
        String service = "lease-it-" + UUID.randomUUID();
        RedisWorkerIdLease first = new RedisWorkerIdLease(redisson, service);
        long savedClock = System.currentTimeMillis() + 3_600_000; // as if the old holder's clock ran an hour ahead
        first.reportClock(() -> savedClock);
        int id = first.currentWorkerId();
        first.close();

        RedisWorkerIdLease second = new RedisWorkerIdLease(redisson, service);
        try {
            assertThat(second.currentWorkerId()).isEqualTo(id);
            assertThat(second.lastIssuedTimestamp()).isEqualTo(savedClock);
            long minted = new SnowflakeIdGenerator(second, System::currentTimeMillis).nextId();
            assertThat(SnowflakeIdGenerator.timestampOf(minted)).isGreaterThanOrEqualTo(savedClock);
        } finally {
            second.close();
        }
    }
}
