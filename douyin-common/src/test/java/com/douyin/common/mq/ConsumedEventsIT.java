package com.douyin.common.mq;

import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.common.testing.ItDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** Which events of a batch are new, against the machine's real MySQL/MariaDB. */
class ConsumedEventsIT {

    private static JdbcTemplate jdbc;
    private static TransactionTemplate transaction;

    @BeforeAll
    static void database() throws Exception {
        ItDatabase.recreate("douyin_it_consumed");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(ItDatabase.jdbcUrl("douyin_it_consumed"),
                ItDatabase.user(), ItDatabase.password());
        jdbc = new JdbcTemplate(dataSource);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Test
    void aBatchWithSomeEventsSeenBeforeKeepsOnlyTheNewOnesAndRecordsThemWithItsOtherWrites() {
        ConsumedEvents consumed = new ConsumedEvents(jdbc);
        String consumer = "it-" + UUID.randomUUID().toString().substring(0, 8);
        Set<String> first = transaction.execute(status -> consumed.firstDeliveries(consumer, List.of("a", "b")));
        assertThat(first).containsExactly("a", "b");

        // A redelivery that overlaps: the first insert of the keys fails, the transaction goes on.
        List<String> fresh = transaction.execute(status -> {
            List<String> keys = List.copyOf(consumed.firstDeliveries(consumer, List.of("b", "c", "a", "d")));
            jdbc.update("INSERT INTO consumed_event (consumer, event_key) VALUES (?, 'written-with-it')", consumer);
            return keys;
        });
        assertThat(fresh).containsExactly("c", "d");
        assertThat(jdbc.queryForList("SELECT event_key FROM consumed_event WHERE consumer = ? ORDER BY event_key", String.class, consumer))
                .containsExactly("a", "b", "c", "d", "written-with-it");

        Set<String> again = transaction.execute(status -> consumed.firstDeliveries(consumer, List.of("a", "d")));
        assertThat(again).isEmpty();
    }

    @Test
    void keysPastTheRedeliveryHorizonArePrunedAndRecentOnesKept() {
        String consumer = "prune-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 12_000; i += 1_000) { // more than one chunk of old keys
            StringBuilder rows = new StringBuilder();
            for (int k = i; k < i + 1_000; k++) {
                rows.append(k == i ? "" : ",").append("('").append(consumer).append("', 'old-").append(k).append("', NOW(3) - INTERVAL 8 DAY)");
            }
            jdbc.update("INSERT INTO consumed_event (consumer, event_key, created_at) VALUES " + rows);
        }
        jdbc.update("INSERT INTO consumed_event (consumer, event_key, created_at) VALUES (?, 'six-days', NOW(3) - INTERVAL 6 DAY), (?, 'new', NOW(3))",
                consumer, consumer);

        int pruned = new ConsumedEventsPruner(jdbc, Duration.ofDays(7)).prune();

        assertThat(pruned).isGreaterThanOrEqualTo(12_000);
        assertThat(jdbc.queryForList("SELECT event_key FROM consumed_event WHERE consumer = ? ORDER BY event_key", String.class, consumer))
                .containsExactly("new", "six-days");
    }
}
