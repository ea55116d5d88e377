package com.douyin.writebehind;

import com.douyin.api.cache.CachedEntity;
import com.douyin.common.cache.CompleteSortedSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
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
 */
public final class ToggleSet {

    /** A field of a cached counters hash that moves with the set, e.g. video favorite_count. */
    public record Counter(String hashKey, String field) {
    }

    /**
     * What a switch did: whether the set changed, the change's sequence, and its entry in the
     * set's journal (null if nothing changed or the set has no journal).
     */
    public record Flip(boolean changed, long sequence, String journalEntry) {
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
     * record, the number of counter hashes, then one field per hash. Returns {-1, 0, ""} if the set is not loaded, {0, 0, ""} if nothing changed,
     * else {1, sequence, journal entry ID or ""}; a switch asked again (same answer key) gets its
     * first answer and changes nothing.
     */
    private static final String FLIP = """
            local answered = redis.call('GET', KEYS[2])
            if answered then
              local changed, seq, entry = string.match(answered, '^(%d+):(%d+):?(.*)$')
              return {tonumber(changed), tonumber(seq), entry}
            end
            if redis.call('EXISTS', KEYS[1]) == 0 then return {-1, 0, ''} end
            local now = redis.call('TIME')
            local seq = tonumber(now[1]) * 1000000 + tonumber(now[2])
            local delta = tonumber(ARGV[2])
            local changed
            if delta > 0 then
              changed = redis.call('ZADD', KEYS[1], 'NX', math.floor(seq / 1000), ARGV[1])
            else
              changed = redis.call('ZREM', KEYS[1], ARGV[1])
            end
            if changed == 0 then
              redis.call('SET', KEYS[2], '0:0', 'EX', ARGV[3])
              return {0, 0, ''}
            end
            local entry = ''
            if KEYS[3] ~= '' then entry = redis.call('XADD', KEYS[3], '*', 'r', ARGV[4], 'n', seq) end
            redis.call('SET', KEYS[2], string.format('1:%d:%s', seq, entry), 'EX', ARGV[3])
            local counters = tonumber(ARGV[5])
            for i = 1, counters do
              if redis.call('EXISTS', KEYS[3 + i]) == 1 then
                redis.call('HINCRBY', KEYS[3 + i], ARGV[5 + i], delta)
                local ttl = redis.call('PTTL', KEYS[3 + i])
                if ttl >= 0 and ttl < KEPT_MS then redis.call('PEXPIRE', KEYS[3 + i], KEPT_MS) end
              end
            end
            for i = 4 + counters, #KEYS do redis.call('DEL', KEYS[i]) end
            return {1, seq, entry}
            """.replace("KEPT_MS", Long.toString(CachedEntity.KEPT_AFTER_CHANGE_MS));

    private final RedissonClient redisson;
    private final CompleteSortedSet set;
    private final ChangeJournal journal;

    /** A set whose changes are journaled in {@code journal} (null: not journaled). */
    public ToggleSet(RedissonClient redisson, CompleteSortedSet set, ChangeJournal journal) {
        this.redisson = redisson;
        this.set = set;
        this.journal = journal;
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
     * computes again. Deleted in the same step, so no reader finds the set changed and the derived
     * data not.
     */
    public Flip flip(String flipId, String member, int delta, List<Counter> counters, String record, List<String> derived) {
        List<Object> result = run(flipId, member, delta, counters, record, derived);
        return notLoaded(result) ? loadAndFlip(flipId, member, delta, counters, record, derived) : flipOf(result);
    }

    /** A switch whose set Redis does not hold (first use, or Redis lost it): the set is loaded, then switched. */
    private Flip loadAndFlip(String flipId, String member, int delta, List<Counter> counters, String record, List<String> derived) {
        set.load();
        List<Object> result = run(flipId, member, delta, counters, record, derived);
        if (notLoaded(result)) {
            throw new IllegalStateException("The set " + set.set().getName() + " vanished while in use");
        }
        return flipOf(result);
    }

    private static boolean notLoaded(List<Object> answer) {
        return ((Number) answer.get(0)).longValue() < 0;
    }

    /** The FLIP script's answer {changed, sequence, journal entry} as a Flip. */
    private static Flip flipOf(List<Object> answer) {
        String entry = answer.size() > 2 ? String.valueOf(answer.get(2)) : "";
        return new Flip(((Number) answer.get(0)).longValue() == 1, ((Number) answer.get(1)).longValue(), entry.isEmpty() ? null : entry);
    }

    /**
     * Several switches, of any sets, in one round trip to Redis (a pipeline; each switch is still
     * its own atomic script, so this works on a Redis cluster too). A switch whose set is not
     * loaded yet is then done alone, loading the set first. After a Redis error any of them may
     * have been done: asking again with the same flip IDs is safe.
     */
    public static List<Flip> flipAll(RedissonClient redisson, List<Switch> switches) {
        RBatch batch = redisson.createBatch();
        List<RFuture<List<Object>>> answers = new ArrayList<>(switches.size());
        for (Switch s : switches) {
            Script script = s.set().script(s.flipId(), s.member(), s.delta(), s.counters(), s.record(), List.of());
            answers.add(batch.getScript(StringCodec.INSTANCE).evalAsync(RScript.Mode.READ_WRITE, FLIP,
                    RScript.ReturnType.MULTI, script.keys(), script.args()));
        }
        batch.execute();
        List<Flip> flips = new ArrayList<>(switches.size());
        for (int i = 0; i < switches.size(); i++) {
            List<Object> answer = answers.get(i).toCompletableFuture().join();
            Switch s = switches.get(i);
            flips.add(notLoaded(answer) ? s.set().loadAndFlip(s.flipId(), s.member(), s.delta(), s.counters(), s.record(), List.of())
                    : flipOf(answer));
        }
        return flips;
    }

    private List<Object> run(String flipId, String member, int delta, List<Counter> counters, String record, List<String> derived) {
        Script script = script(flipId, member, delta, counters, record, derived);
        return redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, FLIP,
                RScript.ReturnType.MULTI, script.keys(), script.args());
    }

    /** The FLIP script's keys and arguments for one switch. */
    private record Script(List<Object> keys, Object[] args) {
    }

    private Script script(String flipId, String member, int delta, List<Counter> counters, String record, List<String> derived) {
        List<Object> keys = new ArrayList<>();
        List<Object> args = new ArrayList<>(List.of(member, String.valueOf(delta), String.valueOf(ANSWER_KEPT_SECONDS),
                journal == null ? "" : record, String.valueOf(counters.size())));
        keys.add(set.set().getName());
        keys.add("toggle:answer:" + flipId);
        keys.add(journal == null ? "" : journal.key());
        for (Counter counter : counters) {
            keys.add(counter.hashKey());
            args.add(counter.field());
        }
        keys.addAll(derived);
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
