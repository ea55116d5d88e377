package com.douyin.common.cache;

import com.douyin.common.redis.RedisOutage;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A provider's periodic hand-on of its {@link ChangeJournal}: the changes left unacknowledged for
 * longer than {@code inFlight} (their instance died between the Redis step and the send, or
 * neither the broker nor the synchronous path took them) go the way a fresh change goes. Every
 * instance runs it; an event is idempotent by its key, so two relaying the same entry count it
 * once. Skipped while Redis is out: the journal is in Redis.
 */
public final class JournalRelay<E> {

    private static final Logger log = LoggerFactory.getLogger(JournalRelay.class);

    private final String changes;
    private final ChangeJournal journal;
    private final Function<ChangeJournal.Entry, E> eventOf;
    private final Function<List<E>, List<E>> handOn;
    private final RedisOutage outage;
    private final Duration inFlight;

    /**
     * @param changes what the journal holds, for the log ("likes")
     * @param handOn  sends events on and answers those it could not (as for a fresh change)
     */
    public JournalRelay(String changes, ChangeJournal journal, Function<ChangeJournal.Entry, E> eventOf,
                        Function<List<E>, List<E>> handOn, RedisOutage outage, Duration inFlight) {
        this.changes = changes;
        this.journal = journal;
        this.eventOf = eventOf;
        this.handOn = handOn;
        this.outage = outage;
        this.inFlight = inFlight;
    }

    /** One round: hands on what is due, logs how much; a failure waits for the next round. */
    public void run() {
        if (outage.inEffect()) {
            return;
        }
        try {
            int relayed = journal.relay(inFlight, eventOf, handOn);
            if (relayed > 0) {
                log.info("Handed on {} journaled {} that had not been", relayed, changes);
            }
        } catch (RuntimeException e) {
            log.warn("Journaled {} not relayed yet: {}", changes, e.toString());
        }
    }
}
