package com.douyin.common.mq;

import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.common.testing.ItDatabase;
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
}
