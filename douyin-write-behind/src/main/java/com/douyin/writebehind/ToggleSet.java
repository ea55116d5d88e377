package com.douyin.writebehind;

import com.douyin.api.cache.CachedEntity;
import com.douyin.common.cache.CompleteSortedSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * Membership that a user switches on and off (the videos they like, the users they follow), as a
 * {@link CompleteSortedSet} in Redis: member scored by when it was switched on. A switch is one
 * Lua step that changes the set and, only if the set really changed, moves counter fields of
 * cached hashes (where those hashes are cached) and deletes cached data derived from the set (a
 * friend list derived from follows), so a repeat moves nothing. A counters hash it moves lives on
 * at least {@link CachedEntity#KEPT_AFTER_CHANGE_MS} after the change. It also answers a
 * sequence from Redis's clock (microseconds) that orders the changes of one (set, member) pair.
 * Each switch has an ID, and Redis keeps its answer a minute, so a caller that met a timeout can
 * ask again without switching twice.
 *
 * <p>With a {@link ChangeJournal}, a switch that changed the set also appends the caller's record
 * of it (and its sequence) to the journal in the same step: a change is never visible in Redis
 * without being on its way to MySQL, even if the caller dies before it sends the change on.
 *
 * <p>On a Redis Cluster a script's keys must share a slot, and the counters and derived keys are
 * other owners' (other slots). There the step changes only the set, its answer and its journal
 * shard (the set's key carries the shard's hash tag, see {@link ChangeJournal}) and records the
 * rest in the journal entry, which the caller then takes ({@link LaterSteps}: each counter moved
 * once per change, by a marker in its hash's slot) and the relay takes again if the caller died
 * first. The counters are still cached first, by asking Redis which exist before the step.
 */
public final class ToggleSet {

    /** A field of a cached counters hash that moves with the set, e.g. video favorite_count. */
    public record Counter(String hashKey, String field) {
    }

    /**
     * What a switch did: whether the set changed, the change's sequence, its entry in the set's
     * journal (null if nothing changed or the set has no journal), and the keys its later steps
     * left as they were (none but on a Redis Cluster whose primary died): the caller then writes
     * the change to MySQL at once and has them dropped ({@link WriteBehind#handOnDropping}).
     */
    public record Flip(boolean changed, long sequence, String journalEntry, List<String> keysLeft) {
    }

    /**
     * One switch of {@link #flipAll}: its arguments as for {@link #flip}, on its set; {@code record}
     * is what the journal keeps of the change (ignored without a journal).
     */
    public record Switch(ToggleSet set, String flipId, String member, int delta, List<Counter> counters, String record) {
    }

    /** How long Redis remembers a switch's answer, for a caller that asks again after an error. */
    private static final int ANSWER_KEPT_SECONDS = 60;

    /**
     * KEYS: the set, the switch's answer, the journal (a stream; "" for none), the counter hashes,
     * then the derived keys. ARGV: member, +1 or -1, how long to keep the answer, the journal
     * record, the later steps the entry keeps (a cluster's, "" for none), the number of counter
     * hashes, whether they must all be cached ('1') for a change, then one field per hash. Returns
     * {-1, 0, ""} if the set is not loaded, {-2, 0, ""} if the switch would change the set but a
     * counter hash it must move is not cached (nothing done),
     * {0, 0, ""} if nothing changed, else {1, sequence, journal entry ID or ""}; a switch asked
     * again (same answer key) gets its first answer and changes nothing.
     */
    private static final String FLIP = CounterHashes.MOVE_COUNTER_LUA + """
            local answered = redis.call('GET', KEYS[2])
            if answered then
              local changed, seq, entry = string.match(answered, '^(%d+):(%d+):?(.*)$')
              return {tonumber(changed), tonumber(seq), entry}
            end
            if redis.call('EXISTS', KEYS[1]) == 0 then return {-1, 0, ''} end
            local delta = tonumber(ARGV[2])
            if (redis.call('ZSCORE', KEYS[1], ARGV[1]) ~= false) == (delta > 0) then
              redis.call('SET', KEYS[2], '0:0', 'EX', ARGV[3])
              return {0, 0, ''}
            end
            local counters = tonumber(ARGV[6])
            if ARGV[7] == '1' then
              for i = 1, counters do
                if redis.call('EXISTS', KEYS[3 + i]) == 0 then return {-2, 0, ''} end
              end
            end
            local now = redis.call('TIME')
            local seq = tonumber(now[1]) * 1000000 + tonumber(now[2])
            if delta > 0 then
              redis.call('ZADD', KEYS[1], math.floor(seq / 1000), ARGV[1])
            else
              redis.call('ZREM', KEYS[1], ARGV[1])
            end
            local entry = ''
            if KEYS[3] ~= '' and ARGV[5] ~= '' then
              entry = redis.call('XADD', KEYS[3], '*', 'r', ARGV[4], 'n', seq, 'a', ARGV[5])
            elseif KEYS[3] ~= '' then
              entry = redis.call('XADD', KEYS[3], '*', 'r', ARGV[4], 'n', seq)
            end
            redis.call('SET', KEYS[2], string.format('1:%d:%s', seq, entry), 'EX', ARGV[3])
            for i = 1, counters do move_counter(KEYS[3 + i], ARGV[7 + i], delta) end
            for i = 4 + counters, #KEYS do redis.call('DEL', KEYS[i]) end
            return {1, seq, entry}
            """;

    /**
     * The owners of the counter hashes a switch moves (the user and video providers), asked to
     * cache those it needs and Redis does not hold: each reads its rows and fills its hash.
     */
    @FunctionalInterface
    public interface CounterOwners {
        void cache(Collection<String> hashKeys);
    }

    /** FLIP's first answer: the set is not in Redis. */
    private static final long SET_NOT_LOADED = -1;
    /** FLIP's first answer: a counter hash the change must move is not in Redis. */
    private static final long COUNTERS_NOT_CACHED = -2;

    private final RedissonClient redisson;
    private final CompleteSortedSet set;
    private final ChangeJournal journal;
    private final CounterOwners owners;
    /** On a Redis Cluster the step takes only its own slot's keys; the counters and derived keys are later steps. */
    private final boolean cluster;
    /** The journal's shard of this set, named by the set key's hash tag (null without a journal). */
    private final String journalShard;

    /** A set whose changes are journaled in {@code journal} (null: not journaled). */
    public ToggleSet(RedissonClient redisson, CompleteSortedSet set, ChangeJournal journal) {
        this(redisson, set, journal, null);
    }

    /**
     * As above; a change waits until its counter hashes are cached ({@code owners}, null: moves
     * those that are). A hash missing when a change is made would miss that change if its owner
     * built it from MySQL before the change got there, and keep missing it until it expired.
     */
    public ToggleSet(RedissonClient redisson, CompleteSortedSet set, ChangeJournal journal, CounterOwners owners) {
        this.redisson = redisson;
        this.set = set;
        this.journal = journal;
        this.owners = owners;
        this.cluster = redisson.getConfig().isClusterConfig();
        this.journalShard = journal == null ? null : journal.shardOf(set.set().getName());
    }

    /** A new switch's ID: the same ID asked again gets the first answer (see {@link #flip}). */
    public static String newFlipId() {
        return UUID.randomUUID().toString();
    }

    /**
     * Switches {@code member} on ({@code delta} +1) or off (-1), with the counters; loads the set
     * first if Redis has none. {@code flipId} ({@link #newFlipId}) makes it safe to ask again after
     * an error that left unknown whether Redis did it: for a minute, the same ID gets the first
     * answer, and nothing moves twice.
     */
    public Flip flip(String flipId, String member, int delta, List<Counter> counters, String record) {
        return flip(flipId, member, delta, counters, record, List.of());
    }

    /**
     * As {@link #flip(String, String, int, List, String)}, and if the set changes, deletes
     * {@code derived}: keys of cached data computed from this set (and others), which a reader then
     * computes again. Deleted in the same step (on a Redis Cluster: right after it), so no reader
     * finds the set changed and the derived data not.
     */
    public Flip flip(String flipId, String member, int delta, List<Counter> counters, String record, List<String> derived) {
        return flipAlone(new Switch(this, flipId, member, delta, counters, record), derived, owners != null);
    }

    /**
     * A switch, after what it lacks in Redis: its set (first use, or Redis lost it) is loaded, its
     * counter hashes ({@code countersFirst}) are cached by their owners, then it is asked again.
     */
    private Flip flipAlone(Switch s, List<String> derived, boolean countersFirst) {
        if (cluster && countersFirst && owners != null) {
            CounterHashes.cacheMissing(redisson, Map.of(owners, new LinkedHashSet<>(hashKeysOf(s))));
            countersFirst = false;
        }
        for (int attempt = 1; ; attempt++) {
            List<Object> answer = run(s, derived, countersFirst);
            long state = stateOf(answer);
            if (state >= 0) {
                Flip flip = flipOf(answer);
                return cluster && flip.changed()
                        ? withKeysLeft(flip, LaterSteps.takeOrKeysLeft(redisson, Map.of(flip.journalEntry(), laterSteps(s, derived))))
                        : flip;
            }
            if (attempt == 3) {
                throw new IllegalStateException("The set " + set.set().getName() + " or its counters vanished while in use");
            }
            if (state == SET_NOT_LOADED) {
                set.load();
            } else {
                CounterHashes.askToCache(owners, hashKeysOf(s));
                countersFirst = false; // cached, or their owners could not: the change goes ahead either way
            }
        }
    }

    private static long stateOf(List<Object> answer) {
        return ((Number) answer.get(0)).longValue();
    }

    /** The FLIP script's answer {changed, sequence, journal entry} as a Flip. */
    private Flip flipOf(List<Object> answer) {
        String entry = answer.size() > 2 ? String.valueOf(answer.get(2)) : "";
        return new Flip(((Number) answer.get(0)).longValue() == 1, ((Number) answer.get(1)).longValue(),
                entry.isEmpty() ? null : ChangeJournal.entryId(journalShard, entry), List.of());
    }

    private static Flip withKeysLeft(Flip flip, List<String> keysLeft) {
        return new Flip(flip.changed(), flip.sequence(), flip.journalEntry(), keysLeft);
    }

    /**
     * Several switches, of any sets, in one round trip to Redis (a pipeline; each switch is still
     * its own atomic script; on a Redis Cluster, a round trip to see which counter hashes are cached
     * before and one for the later steps after). A switch whose set is not loaded yet is then done
     * alone, loading the set first; the counter hashes that switches found missing are cached first,
     * by one request per owner, and those switches are then done alone. After a Redis error any of
     * them may have been done: asking again with the same flip IDs is safe. A pipeline that Redis
     * answered in part (a Redis Cluster's primary died) throws {@link PartlyAnswered}, with the
     * answered switches done as usual.
     */
    public static List<Flip> flipAll(RedissonClient redisson, List<Switch> switches) {
        boolean cluster = redisson.getConfig().isClusterConfig();
        if (cluster) {
            Map<CounterOwners, Set<String>> wanted = new IdentityHashMap<>();
            switches.stream().filter(s -> s.set().owners != null)
                    .forEach(s -> wanted.computeIfAbsent(s.set().owners, o -> new LinkedHashSet<>()).addAll(hashKeysOf(s)));
            CounterHashes.cacheMissing(redisson, wanted);
        }
        RBatch batch = redisson.createBatch();
        List<RFuture<List<Object>>> answers = new ArrayList<>(switches.size());
        for (Switch s : switches) {
            Script script = s.set().script(s, List.of(), !cluster && s.set().owners != null);
            answers.add(batch.getScript(StringCodec.INSTANCE).evalAsync(RScript.Mode.READ_WRITE, FLIP,
                    RScript.ReturnType.MULTI, script.keys(), script.args()));
        }
        RedisException failed = null;
        try {
            batch.execute();
        } catch (RedisException e) {
            failed = e;
        }
        List<List<Object>> answered = answers.stream().map(ToggleSet::answerOrNull).toList();
        if (failed != null && answered.stream().allMatch(Objects::isNull)) {
            throw failed;
        }
        Map<CounterOwners, Set<String>> uncached = new IdentityHashMap<>();
        for (int i = 0; i < switches.size(); i++) {
            if (answered.get(i) != null && stateOf(answered.get(i)) == COUNTERS_NOT_CACHED) {
                Switch s = switches.get(i);
                uncached.computeIfAbsent(s.set().owners, o -> new LinkedHashSet<>()).addAll(hashKeysOf(s));
            }
        }
        uncached.forEach(CounterHashes::askToCache);
        List<Flip> flips = new ArrayList<>(switches.size());
        Map<String, String> laterSteps = new LinkedHashMap<>();
        for (int i = 0; i < switches.size(); i++) {
            Switch s = switches.get(i);
            if (answered.get(i) == null) {
                flips.add(null);
                continue;
            }
            long state = stateOf(answered.get(i));
            if (state >= 0) {
                Flip flip = s.set().flipOf(answered.get(i));
                if (cluster && flip.changed()) {
                    laterSteps.put(flip.journalEntry(), laterSteps(s, List.of()));
                }
                flips.add(flip);
            } else {
                try {
                    flips.add(s.set().flipAlone(s, List.of(), state == SET_NOT_LOADED && s.set().owners != null));
                } catch (RedisException e) { // the others' answers still count
                    flips.add(null);
                    failed = failed == null ? e : failed;
                }
            }
        }
        if (!laterSteps.isEmpty() && !LaterSteps.took(redisson, laterSteps)) {
            // Which failed is not known: each such switch drops every key its own steps update.
            flips.replaceAll(flip -> flip != null && laterSteps.containsKey(flip.journalEntry())
                    ? withKeysLeft(flip, LaterSteps.keysOf(laterSteps.get(flip.journalEntry()))) : flip);
        }
        if (failed != null) {
            throw new PartlyAnswered(flips, failed);
        }
        return flips;
    }

    /** The answer of one script of a pipeline, or null if it failed (it may have run all the same). */
    private static List<Object> answerOrNull(RFuture<List<Object>> answer) {
        try {
            return answer.toCompletableFuture().join();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * A pipeline of switches that Redis answered in part: {@link #flips} has each answered switch's
     * flip (done as usual, its later steps taken) and null for the others, which Redis may have
     * taken all the same (an answer lost with its connection): ask them again by their flip IDs.
     */
    public static final class PartlyAnswered extends RedisException {

        private final transient List<Flip> flips;

        PartlyAnswered(List<Flip> flips, RedisException cause) {
            super("Redis answered " + flips.stream().filter(Objects::nonNull).count() + " of " + flips.size() + " switches", cause);
            this.flips = Collections.unmodifiableList(new ArrayList<>(flips));
        }

        public List<Flip> flips() {
            return flips;
        }
    }

    private static List<String> hashKeysOf(Switch s) {
        return s.counters().stream().map(Counter::hashKey).toList();
    }

    /** On a Redis Cluster, what the switch's step leaves to {@link LaterSteps}: its counters and derived keys. */
    private static String laterSteps(Switch s, List<String> derived) {
        return LaterSteps.encode(s.counters().stream().map(c -> new LaterSteps.Move(c.hashKey(), c.field(), s.delta())).toList(), derived);
    }

    private List<Object> run(Switch s, List<String> derived, boolean countersFirst) {
        Script script = script(s, derived, countersFirst);
        return redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, FLIP,
                RScript.ReturnType.MULTI, script.keys(), script.args());
    }

    /** The FLIP script's keys and arguments for one switch. */
    private record Script(List<Object> keys, Object[] args) {
    }

    /**
     * The FLIP script of a switch: with its counters and derived keys on one Redis; on a Redis
     * Cluster with none of them, its journal entry keeping them as later steps instead.
     */
    private Script script(Switch s, List<String> derived, boolean countersFirst) {
        List<Counter> counters = cluster ? List.of() : s.counters();
        String later = "";
        if (cluster) {
            if (journal == null) { // its later steps are kept in the entry, and the script's keys are one slot's
                throw new IllegalStateException("On a Redis Cluster a switch needs a journal: " + set.set().getName());
            }
            later = s.counters().isEmpty() && derived.isEmpty() ? "" : laterSteps(s, derived);
        }
        List<Object> keys = new ArrayList<>();
        List<Object> args = new ArrayList<>(List.of(s.member(), String.valueOf(s.delta()), String.valueOf(ANSWER_KEPT_SECONDS),
                journal == null ? "" : s.record(), later, String.valueOf(counters.size()), countersFirst ? "1" : "0"));
        keys.add(set.set().getName());
        keys.add("toggle:answer:" + ChangeJournal.hashTagOf(set.set().getName()) + ":" + s.flipId());
        keys.add(journal == null ? "" : journalShard);
        for (Counter counter : counters) {
            keys.add(counter.hashKey());
            args.add(counter.field());
        }
        if (!cluster) {
            keys.addAll(derived);
        }
        return new Script(keys, args.toArray());
    }

    /**
     * The sequence of a change decided outside Redis (by the row, while Redis is out): after the
     * stored change's, whichever clock made that one, and otherwise the time in microseconds like
     * the sequences the Lua step takes from Redis's clock.
     */
    public static long sequenceAfter(long storedSequence) {
        return Math.max(System.currentTimeMillis() * 1000, storedSequence + 1);
    }

    public CompleteSortedSet set() {
        return set;
    }
}
