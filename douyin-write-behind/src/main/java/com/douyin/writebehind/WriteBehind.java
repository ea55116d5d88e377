package com.douyin.writebehind;

import com.douyin.api.event.KeyedEvent;
import com.douyin.common.redis.RedisOutage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write path of one kind of hot change (likes, follows, comment changes), in the order every
 * such change takes. A provider declares what is its own (the Redis step on its set, which
 * journals the change; its event; its {@link SynchronousPath} with its rows) and this class runs
 * the sequence:
 * <ol>
 * <li>Redis decides and shows the change in one Lua step, which appends it to the
 *     {@link ChangeJournal}; while Redis is out ({@link RedisOutage}) MySQL's row decides it
 *     instead, on the synchronous path ({@link #toggle});</li>
 * <li>{@link #handOn}: the event goes to the broker, or to the synchronous path when the broker
 *     cannot take it ({@link BrokerOrFallback}); what either took is acknowledged in the journal;</li>
 * <li>what neither took is not taken back (a send that timed out may have arrived): it stays in
 *     the journal, and {@link #relayJournal} (every instance, every few seconds) hands on what has
 *     stayed there longer than a call lasts, also what an instance that died left behind.</li>
 * </ol>
 * Every consumer deduplicates by the event's key, so a change handed on twice counts once.
 */
public final class WriteBehind<E extends KeyedEvent> {

    private static final Logger log = LoggerFactory.getLogger(WriteBehind.class);

    private final String changes;
    private final String topic;
    private final ChangeJournal journal;
    private final Function<ChangeJournal.Entry, E> eventOf;
    private final SynchronousPath<E> synchronous;
    private final BrokerOrFallback broker;
    private final RedisOutage outage;
    private final Duration inFlight;

    /**
     * @param changes  what goes this way, for the log ("likes")
     * @param topic    the broker's topic; its circuit breaker is the Sentinel resource "mq:" + topic
     * @param eventOf  the event of a journal entry (the record the provider's Redis step wrote)
     * @param inFlight how long a journaled change may be on its way before the relay hands it on
     */
    public WriteBehind(String changes, String topic, ChangeJournal journal, Function<ChangeJournal.Entry, E> eventOf,
                       SynchronousPath<E> synchronous, RocketMQTemplate rocketMQ, RedisOutage outage, Duration inFlight) {
        this.changes = changes;
        this.topic = topic;
        this.journal = journal;
        this.eventOf = eventOf;
        this.synchronous = synchronous;
        this.broker = new BrokerOrFallback(rocketMQ, "mq:" + topic);
        this.outage = outage;
        this.inFlight = inFlight;
    }

    /**
     * A switch of a {@link ToggleSet} (a like, a follow): {@code flip} in Redis and, if it changed
     * the set, its event ({@code eventOf} the change's sequence) handed on; while Redis is out,
     * {@code inMysql} decides it by the pair's row. {@code flip} is asked again after a Redis error
     * that is not an outage, so it must carry one flip ID across tries.
     */
    public void toggle(Supplier<ToggleSet.Flip> flip, LongFunction<E> eventOf, Runnable inMysql) {
        outage.decideOrElse(() -> handOn(flip.get(), eventOf), inMysql);
    }

    /**
     * {@link #toggle} for a switch Redis may have taken already, unanswered (a pipeline of
     * switches that failed part way): Redis is asked first even during an outage, since it answers
     * a switch it took by its flip ID; deciding that one in MySQL as well would count it twice
     * (once on the MySQL path, once when the relay hands on its journal entry).
     */
    public void toggleAgain(Supplier<ToggleSet.Flip> flip, LongFunction<E> eventOf, Runnable inMysql) {
        if (outage.inEffect()) {
            try {
                handOn(flip.get(), eventOf);
                return;
            } catch (RedisException e) {
                log.warn("A switch asked again while Redis is out: deciding it in MySQL ({})", e.toString());
            }
        }
        toggle(flip, eventOf, inMysql);
    }

    /** A flip's change, if it made one (a repeat has nothing to store), handed on. */
    private void handOn(ToggleSet.Flip done, LongFunction<E> eventOf) {
        if (!done.changed()) {
            return;
        }
        E event = eventOf.apply(done.sequence());
        handOn(List.of(event), Collections.singletonMap(event, done.journalEntry()), done.keysLeft());
    }

    /**
     * {@link #handOn(List, Map)}, or, where the changes' later steps left keys as they were (a Redis
     * Cluster's primary died), {@link #handOnDropping}.
     */
    public void handOn(List<E> events, Map<E, String> journalEntries, Collection<String> keysLeft) {
        if (keysLeft.isEmpty()) {
            handOn(events, journalEntries);
        } else {
            handOnDropping(events, journalEntries, keysLeft);
        }
    }

    /** {@link #handOn(List, Map)} for one change. */
    public void handOn(E event, String journalEntry) {
        handOn(List.of(event), Collections.singletonMap(event, journalEntry));
    }

    /**
     * Hands on changes Redis has made and journaled ({@code journalEntries}: each event's entry,
     * by identity) and acknowledges those the broker or the synchronous path took. One that neither
     * took stays journaled for {@link #relayJournal}.
     */
    public void handOn(List<E> events, Map<E, String> journalEntries) {
        int unstored = journal.settle(events, journalEntries, this::sendOrWrite).size();
        if (unstored > 0) {
            log.warn("{} {} kept in the journal: neither the broker nor MySQL took them now", unstored, changes);
        }
    }

    /**
     * Changes whose later steps failed on a Redis Cluster (a primary died), leaving {@code keysLeft}
     * unchanged: written to MySQL now, on the synchronous path (rows, and the other providers'
     * counters over Dubbo), then those keys are recorded as stale, so the outage sweep drops them
     * once their slot is served again and they are rebuilt from MySQL, which has the changes by then.
     * Written at once, not left to the relay: while the change is out of MySQL, an outage would
     * decide the pair's next change against the row without it. What MySQL did not take stays
     * journaled for the relay.
     */
    public void handOnDropping(List<E> events, Map<E, String> journalEntries, Collection<String> keysLeft) {
        List<E> unstored = journal.settle(events, journalEntries, this::writeNow);
        if (unstored.size() < events.size()) {
            outage.markStale(keysLeft);
        }
        if (!unstored.isEmpty()) {
            log.warn("{} {} kept in the journal: MySQL did not take them now", unstored.size(), changes);
        }
    }

    /** Each on the synchronous path; answers those it could not write. */
    private List<E> writeNow(List<E> events) {
        List<E> unstored = new ArrayList<>();
        for (E event : events) {
            try {
                synchronous.write(event);
            } catch (RuntimeException e) {
                log.warn("{} not written to MySQL now: {}", event.eventKey(), e.toString());
                unstored.add(event);
            }
        }
        return unstored;
    }

    /** Through the broker, or each on the synchronous path; answers those neither path took. */
    private List<E> sendOrWrite(List<E> events) {
        return broker.sendAllOrWrite(topic, events, KeyedEvent::eventKey, synchronous::write);
    }

    /**
     * One round of the relay: hands on the changes journaled over {@code inFlight} ago and not
     * acknowledged. Every instance runs it (the provider schedules it); skipped while Redis is out,
     * since the journal is in Redis; a failure waits for the next round.
     */
    public void relayJournal() {
        if (outage.inEffect()) {
            return;
        }
        try {
            int relayed = journal.relay(inFlight, eventOf, this::sendOrWrite);
            if (relayed > 0) {
                log.info("Handed on {} journaled {} that had not been", relayed, changes);
            }
        } catch (RuntimeException e) {
            log.warn("Journaled {} not relayed yet: {}", changes, e.toString());
        }
    }
}
