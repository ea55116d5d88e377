package com.douyin.common.mq;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Idempotent consumption: {@link #firstDelivery} records an event key in consumed_event and
 * says whether it was new. Call it inside the transaction that applies the event, so the key
 * and the change commit or roll back together.
 */
public final class ConsumedEvents {

    private final JdbcTemplate jdbc;

    public ConsumedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean firstDelivery(String consumer, String eventKey) {
        return jdbc.update("INSERT IGNORE INTO consumed_event (consumer, event_key) VALUES (?, ?)", consumer, eventKey) == 1;
    }
}
