package com.douyin.writebehind;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
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
import java.util.regex.Pattern;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RStreamAsync;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamMessageId;
import org.redisson.client.codec.StringCodec;

/**
 * The changes a provider has made visible in Redis and not yet handed on to MySQL, in Redis
 * streams that the Lua step making a change appends to ({@link ToggleSet}, the comment scripts).
 * The provider acknowledges an entry once the broker or the synchronous path has taken its
 * change; {@link #relay} hands on what stayed unacknowledged, so a provider killed between the
 * Redis step and the send loses nothing: any instance, its successor included, sends it later.
 * Consumers deduplicate by event key, so an entry handed on twice counts once.
 *
 * <p>The journal is {@link #SHARDS} streams, {@code NAME:{Pn}} for a tag prefix P: the owner of
 * a change (a liker's set, a video's comments) carries the hash tag {@code {Pn}} of its shard in
 * its key ({@link #tag}), so that on a Redis Cluster the step that changes it can append to its
 * shard (one slot). An entry's ID names its shard: {@code NAME:{Pn}/ms-seq}.
 *
 * <p>Each entry holds the provider's record of the change ({@code r}), a number the Lua step
 * decided ({@code n}: the change's sequence, or how many comments a delete hid) and, on a Redis
 * Cluster, the steps the change still takes outside its slot ({@code a}, see {@link LaterSteps}),
 * which the relay takes again before it hands the change on.
 */
public final class ChangeJournal {

    /** An unacknowledged change: its entry ID, the provider's record, the step's number, its later steps ("" for none). */
    public record Entry(String id, String record, long number, String laterSteps) {
    }

    /** How many streams a journal is, and how many hash tags the owners' keys are spread over. */
    public static final int SHARDS = 64;

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
    private final String name;
    private final String tagPrefix;
    /** This journal's shard tags, {Pn}: compiled once, as every change asks for its shard. */
    private final Pattern shardTag;
    private final Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean removalScheduled = new AtomicBoolean();

    /** {@code name}: the streams' common name, e.g. "journal:favorite"; {@code tagPrefix}: its owners' tags' ("f": {f0}..{f63}). */
    public ChangeJournal(RedissonClient redisson, String name, String tagPrefix) {
        this.redisson = redisson;
        this.name = name;
        this.tagPrefix = tagPrefix;
        this.shardTag = Pattern.compile("\\{" + Pattern.quote(tagPrefix) + "\\d+}");
    }

    /** The hash tag an owner's key carries, e.g. {@code {f12}} for owner 12 (or 76) of prefix "f". */
    public static String tag(String tagPrefix, long ownerId) {
        return "{" + tagPrefix + Math.floorMod(ownerId, SHARDS) + "}";
    }

    /** The shard that changes of the owner whose key is {@code ownerKey} go to: the one of the key's hash tag. */
    public String shardOf(String ownerKey) {
        String tag = hashTagOf(ownerKey);
        if (!shardTag.matcher(tag).matches()) {
            throw new IllegalArgumentException(ownerKey + " carries no tag of " + name + " ({" + tagPrefix + "n})");
        }
        return name + ":" + tag;
    }

    /** The hash tag of a key, braces included ("" for none): what Redis Cluster hashes to find its slot. */
    public static String hashTagOf(String key) {
        int open = key.indexOf('{');
        int close = key.indexOf('}', open + 1);
        return open < 0 || close < 0 || close == open + 1 ? "" : key.substring(open, close + 1);
    }

    /**
     * The streams the relay reads: every shard's, and the one stream {@code NAME} a journal was
     * before it had shards (nothing is added to it now; what an upgrade found there is handed on).
     */
    List<String> shards() {
        List<String> shards = new ArrayList<>(SHARDS + 1);
        for (int i = 0; i < SHARDS; i++) {
            shards.add(name + ":" + tag(tagPrefix, i));
        }
        shards.add(name);
        return shards;
    }

    /** An entry's ID as the journal gives it out: its shard and its ID in the shard's stream. */
    static String entryId(String shard, String streamId) {
        return shard + "/" + streamId;
    }

    /** The ID of the entry {@code streamId} (as XADD answered it) of the shard of the owner whose key is {@code ownerKey}. */
    public String entryOf(String ownerKey, String streamId) {
        return entryId(shardOf(ownerKey), streamId);
    }

    /**
     * Forgets entries whose changes were handed on (null IDs ignored). Gathered for up to
     * {@link #ACKNOWLEDGED_EVERY} and removed in one batch, off the caller's thread: under a
     * like storm that is one XDEL per shard and tick rather than one per batch; an acknowledgement
     * lost on the way (the process dies first) only means the change is sent again.
     */
    public void acknowledge(Collection<String> entryIds) {
        for (String id : entryIds) {
            if (id != null) {
                acknowledged.add(id);
            }
        }
        if (!acknowledged.isEmpty() && removalScheduled.compareAndSet(false, true)) {
            ACKNOWLEDGER.schedule(this::removeAcknowledged, ACKNOWLEDGED_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void removeAcknowledged() {
        removalScheduled.set(false); // first: an ID added from now on schedules the next removal
        Map<String, List<StreamMessageId>> byShard = new HashMap<>();
        for (String id; (id = acknowledged.poll()) != null; ) {
            int slash = id.lastIndexOf('/');
            byShard.computeIfAbsent(id.substring(0, slash), shard -> new ArrayList<>()).add(streamIdOf(id.substring(slash + 1)));
        }
        if (!byShard.isEmpty()) {
            RBatch batch = redisson.createBatch();
            byShard.forEach((shard, ids) ->
                    batch.<String, String>getStream(shard, StringCodec.INSTANCE).removeAsync(ids.toArray(StreamMessageId[]::new)));
            batch.executeAsync();
        }
    }

    /** Entries added more than {@code age} ago and not acknowledged, oldest first, at most {@code max}. */
    public List<Entry> unacknowledged(Duration age, int max) {
        // The whole millisecond: an ID of one number reads as "ms-0" and would leave out
        // the entries after the first one added in that millisecond.
        StreamMessageId before = new StreamMessageId(System.currentTimeMillis() - age.toMillis(), Long.MAX_VALUE);
        RBatch batch = redisson.createBatch();
        List<String> shards = shards();
        List<RFuture<Map<StreamMessageId, Map<String, String>>>> ranges = new ArrayList<>(shards.size());
        for (String shard : shards) {
            RStreamAsync<String, String> stream = batch.getStream(shard, StringCodec.INSTANCE);
            ranges.add(stream.rangeAsync(max, StreamMessageId.MIN, before));
        }
        batch.execute();
        record Found(StreamMessageId at, Entry entry) {
        }
        List<Found> found = new ArrayList<>();
        for (int i = 0; i < shards.size(); i++) {
            String shard = shards.get(i);
            ranges.get(i).toCompletableFuture().join().forEach((id, fields) -> found.add(new Found(id, new Entry(entryId(shard, id.toString()),
                    fields.get("r"), Long.parseLong(fields.get("n")), fields.getOrDefault("a", "")))));
        }
        return found.stream()
                .sorted(Comparator.comparingLong((Found f) -> f.at().getId0()).thenComparingLong(f -> f.at().getId1()))
                .limit(max)
                .map(Found::entry)
                .toList();
    }

    /**
     * Hands on the entries older than {@code age} (past the call that made them), as
     * {@link #settle} does, after taking again their later steps (a Redis Cluster's; each moves
     * once however often taken); those not stored stay for the next relay. Returns how many were
     * handed on.
     */
    public <E> int relay(Duration age, Function<Entry, E> eventOf, Function<List<E>, List<E>> store) {
        List<Entry> entries = unacknowledged(age, RELAYED_AT_ONCE);
        if (entries.isEmpty()) {
            return 0;
        }
        LaterSteps.takeAgain(redisson, entries);
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

    private static StreamMessageId streamIdOf(String id) {
        int dash = id.indexOf('-');
        return new StreamMessageId(Long.parseLong(id.substring(0, dash)), Long.parseLong(id.substring(dash + 1)));
    }
}
