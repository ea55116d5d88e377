package com.douyin.writebehind;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamMessageId;
import org.redisson.client.codec.StringCodec;

/**
 * The changes a provider has made visible in Redis and not yet handed on to MySQL, in a Redis
 * stream that the Lua step making a change appends to ({@link ToggleSet}, the comment scripts).
 * The provider acknowledges an entry once the broker or the synchronous path has taken its
 * change; {@link #relay} hands on what stayed unacknowledged, so a provider killed between the
 * Redis step and the send loses nothing: any instance, its successor included, sends it later.
 * Consumers deduplicate by event key, so an entry handed on twice counts once.
 *
 * <p>Each entry holds the provider's record of the change ({@code r}) and a number the Lua step
 * decided ({@code n}: the change's sequence, or how many comments a delete hid).
 */
public final class ChangeJournal {

    /** An unacknowledged change: its entry ID, the provider's record and the step's number. */
    public record Entry(String id, String record, long number) {
    }

    private static final int RELAYED_AT_ONCE = 200;

    /** How long acknowledgements are gathered before they are removed together. */
    static final Duration ACKNOWLEDGED_EVERY = Duration.ofMillis(100);
    /** One thread for every journal of the process; with nothing to remove it sleeps (no timer ticks). */
    private static final ScheduledExecutorService ACKNOWLEDGER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "journal-acknowledger");
        thread.setDaemon(true);
        return thread;
    });

    private final RedissonClient redisson;
    private final String key;
    private final Queue<StreamMessageId> acknowledged = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean removalScheduled = new AtomicBoolean();

    /** {@code key}: the stream, e.g. "journal:favorite". */
    public ChangeJournal(RedissonClient redisson, String key) {
        this.redisson = redisson;
        this.key = key;
    }

    public String key() {
        return key;
    }

    /**
     * Forgets entries whose changes were handed on (null IDs ignored). Gathered for up to
     * {@link #ACKNOWLEDGED_EVERY} and removed in one command, off the caller's thread: under a
     * like storm that is one XDEL per tick rather than one per batch; an acknowledgement lost on
     * the way (the process dies first) only means the change is sent again.
     */
    public void acknowledge(Collection<String> entryIds) {
        for (String id : entryIds) {
            if (id != null) {
                acknowledged.add(idOf(id));
            }
        }
        if (!acknowledged.isEmpty() && removalScheduled.compareAndSet(false, true)) {
            ACKNOWLEDGER.schedule(this::removeAcknowledged, ACKNOWLEDGED_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void removeAcknowledged() {
        removalScheduled.set(false); // first: an ID added from now on schedules the next removal
        List<StreamMessageId> ids = new ArrayList<>();
        for (StreamMessageId id; (id = acknowledged.poll()) != null; ) {
            ids.add(id);
        }
        if (!ids.isEmpty()) {
            stream().removeAsync(ids.toArray(StreamMessageId[]::new));
        }
    }

    /** Entries added more than {@code age} ago and not acknowledged, oldest first, at most {@code max}. */
    public List<Entry> unacknowledged(Duration age, int max) {
        // The whole millisecond: an ID of one number reads as "ms-0" and would leave out
        // the entries after the first one added in that millisecond.
        StreamMessageId before = new StreamMessageId(System.currentTimeMillis() - age.toMillis(), Long.MAX_VALUE);
        Map<StreamMessageId, Map<String, String>> found = stream().range(max, StreamMessageId.MIN, before);
        List<Entry> entries = new ArrayList<>(found.size());
        found.forEach((id, fields) -> entries.add(new Entry(id.toString(), fields.get("r"), Long.parseLong(fields.get("n")))));
        return entries;
    }

    /**
     * Hands on the entries older than {@code age} (past the call that made them), as
     * {@link #settle} does; those not stored stay for the next relay. Returns how many were
     * handed on.
     */
    public <E> int relay(Duration age, Function<Entry, E> eventOf, Function<List<E>, List<E>> store) {
        List<Entry> entries = unacknowledged(age, RELAYED_AT_ONCE);
        if (entries.isEmpty()) {
            return 0;
        }
        Map<E, String> entryOf = new IdentityHashMap<>();
        List<E> events = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            E event = eventOf.apply(entry);
            events.add(event);
            entryOf.put(event, entry.id());
        }
        return events.size() - settle(events, entryOf, store).size();
    }

    /**
     * Hands on changes this journal holds: {@code store} takes the events and answers those it
     * could not store; the others' entries ({@code entryOf}, by identity; null for none) are
     * acknowledged. Answers the unstored, which stay journaled for {@link #relay}.
     */
    public <E> List<E> settle(List<E> events, Map<E, String> entryOf, Function<List<E>, List<E>> store) {
        List<E> unstored = store.apply(events);
        Map<E, String> stored = new IdentityHashMap<>(entryOf);
        unstored.forEach(stored::remove);
        acknowledge(stored.values());
        return unstored;
    }

    private RStream<String, String> stream() {
        return redisson.getStream(key, StringCodec.INSTANCE);
    }

    private static StreamMessageId idOf(String id) {
        int dash = id.indexOf('-');
        return new StreamMessageId(Long.parseLong(id.substring(0, dash)), Long.parseLong(id.substring(dash + 1)));
    }
}
