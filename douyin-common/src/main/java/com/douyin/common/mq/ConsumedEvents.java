package com.douyin.common.mq;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.dao.DuplicateKeyException;
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

    /** The events of a batch not seen before (see {@link #firstDeliveries}), in the batch's order. */
    public <E> List<E> firstDeliveries(String consumer, List<E> events, Function<E, String> keyOf) {
        Set<String> fresh = firstDeliveries(consumer, events.stream().map(keyOf).toList());
        return events.stream().filter(event -> fresh.contains(keyOf.apply(event))).toList();
    }

    /**
     * The keys of a batch not seen before, recorded. Call it inside the transaction that applies
     * them. Usually none was seen (a redelivery is rare), so the keys are first inserted all at
     * once, one statement; if one of them is there already, that insert fails whole and the seen
     * ones are looked up first (two statements). A plain INSERT, not INSERT IGNORE, so a Seata AT
     * branch can undo it. If another consumer records one of them at the same time, the second
     * insert fails and the whole batch is redelivered.
     *
     * <p>The keys are inserted in key order, whatever the batch's order: two deliveries of
     * overlapping batches (a redelivery, a queue handed to another consumer) then lock their
     * common keys in one order, one waits for the other, and neither deadlocks.
     */
    public Set<String> firstDeliveries(String consumer, Collection<String> eventKeys) {
        Set<String> fresh = new TreeSet<>(eventKeys);
        if (fresh.isEmpty()) {
            return fresh;
        }
        try {
            insert(consumer, fresh);
            return fresh;
        } catch (DuplicateKeyException seenBefore) {
            // Only this statement is undone: the transaction goes on.
        }
        String marks = String.join(",", Collections.nCopies(fresh.size(), "?"));
        List<Object> args = new ArrayList<>();
        args.add(consumer);
        args.addAll(fresh);
        fresh.removeAll(jdbc.queryForList("SELECT event_key FROM consumed_event WHERE consumer = ? AND event_key IN (" + marks + ")",
                String.class, args.toArray()));
        if (!fresh.isEmpty()) {
            insert(consumer, fresh);
        }
        return fresh;
    }

    private void insert(String consumer, Set<String> keys) {
        List<Object> rows = new ArrayList<>();
        keys.forEach(key -> {
            rows.add(consumer);
            rows.add(key);
        });
        jdbc.update("INSERT INTO consumed_event (consumer, event_key) VALUES "
                + String.join(",", Collections.nCopies(keys.size(), "(?, ?)")), rows.toArray());
    }
}
