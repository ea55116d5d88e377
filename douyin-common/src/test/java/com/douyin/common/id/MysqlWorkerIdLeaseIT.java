package com.douyin.common.id;

import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.common.testing.ItDatabase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Worker ID leases against the machine's real MySQL/MariaDB. */
class MysqlWorkerIdLeaseIT {

    private static JdbcTemplate jdbc;

    @BeforeAll
    static void database() throws Exception {
        ItDatabase.recreate("douyin_it_common");
        jdbc = new JdbcTemplate(new DriverManagerDataSource(ItDatabase.jdbcUrl("douyin_it_common"),
                ItDatabase.user(), ItDatabase.password()));
    }

    @Test
    void liveInstancesOfOneServiceNeverShareAWorkerId() {
        String service = "lease-it-" + UUID.randomUUID();
        List<MysqlWorkerIdLease> leases = new ArrayList<>();
        Set<Integer> ids = new HashSet<>();
        try {
            for (int i = 0; i < 5; i++) {
                MysqlWorkerIdLease lease = new MysqlWorkerIdLease(jdbc, service);
                leases.add(lease);
                assertThat(ids.add(lease.currentWorkerId())).isTrue();
            }
            assertThat(MysqlWorkerIdLease.heldIds(jdbc, service)).containsExactlyInAnyOrderElementsOf(ids);
        } finally {
            leases.forEach(MysqlWorkerIdLease::close);
        }
        assertThat(MysqlWorkerIdLease.heldIds(jdbc, service)).isEmpty();
    }

    @Test
    void aReleasedIdIsReusedAndStartsAfterTheSavedClock() {
        String service = "lease-it-" + UUID.randomUUID();
        MysqlWorkerIdLease first = new MysqlWorkerIdLease(jdbc, service);
        long savedClock = System.currentTimeMillis() + 3_600_000; // as if the old holder's clock ran an hour ahead
        first.reportClock(() -> savedClock);
        int id = first.currentWorkerId();
        first.close();

        MysqlWorkerIdLease second = new MysqlWorkerIdLease(jdbc, service);
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
