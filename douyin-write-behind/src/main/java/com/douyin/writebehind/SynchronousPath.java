package com.douyin.writebehind;

import com.douyin.api.event.KeyedEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The synchronous path of a write-behind event, for when the broker is unavailable (see
 * {@link BrokerOrFallback}): the provider's own rows and an outbox entry commit together, then
 * the other providers apply the event over Dubbo and the entry is removed. An entry they did
 * not confirm is retried every few seconds (the provider needs {@code @EnableScheduling}), so
 * once {@link #write} returns the event cannot be lost; every consumer deduplicates by event
 * key, so applying it twice (by a retry, or also through RocketMQ) counts once.
 *
 * <p>The outbox table has the columns {@code event_key} (primary key), {@code payload} (the
 * event as JSON) and {@code created_at}.
 */
public abstract class SynchronousPath<E extends KeyedEvent> {

    private static final Logger log = LoggerFactory.getLogger(SynchronousPath.class);
    // Tolerant: an entry a newer instance wrote may carry fields this version does not know.
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final int ATTEMPTS = 3;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final String outbox;
    private final Class<E> type;

    protected SynchronousPath(JdbcTemplate jdbc, TransactionTemplate transaction, String outboxTable, Class<E> type) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.outbox = outboxTable;
        this.type = type;
    }

    /** This provider's rows, in the transaction that records the outbox entry. */
    protected abstract void storeOwnRows(E event);

    /** The other providers' part, over Dubbo; must be idempotent by event key. */
    protected abstract void applyElsewhere(E event);

    public void write(E event) {
        write(() -> event);
    }

    /**
     * Decides the event inside the transaction that stores it ({@code decide} may lock and read
     * rows first; null: nothing to write), then delivers it. Returns the event, or null.
     */
    public E write(Supplier<E> decide) {
        E event = inTransaction(decide);
        if (event != null) {
            deliver(event);
        }
        return event;
    }

    /**
     * Decides and stores in one transaction, which MySQL may pick as a deadlock's victim when
     * writers crowd the same rows (a storm of likes during a Redis outage): then it is decided
     * again from the start, up to {@link #ATTEMPTS} times.
     */
    private E inTransaction(Supplier<E> decide) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> {
                    E decided = decide.get();
                    if (decided != null) {
                        storeOwnRows(decided);
                        jdbc.update("INSERT IGNORE INTO " + outbox + " (event_key, payload) VALUES (?, ?)", decided.eventKey(), toJson(decided));
                    }
                    return decided;
                });
            } catch (PessimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static String toJson(Object event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Retries the events the other providers have not confirmed. */
    @Scheduled(fixedDelay = 3000)
    public void retryPending() {
        try {
            for (String payload : jdbc.queryForList("SELECT payload FROM " + outbox + " ORDER BY created_at LIMIT 100", String.class)) {
                if (!deliver(JSON.readValue(payload, type))) {
                    return; // still failing: try again later
                }
            }
        } catch (Exception e) {
            log.warn("{} retry postponed: {}", outbox, e.toString());
        }
    }

    private boolean deliver(E event) {
        try {
            applyElsewhere(event);
            jdbc.update("DELETE FROM " + outbox + " WHERE event_key = ?", event.eventKey());
            return true;
        } catch (RuntimeException e) {
            log.warn("{} not applied elsewhere yet (kept in {}): {}", event.eventKey(), outbox, e.toString());
            return false;
        }
    }
}
