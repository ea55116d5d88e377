package com.douyin.writebehind;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.redisson.api.RBatch;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of a journaled change that a Redis Cluster cannot take in the change's own script,
 * whose keys must share one slot: moving other owners' cached counters ({@link CounterHashes}),
 * and deleting or setting keys derived from the change (friend lists, a comment's video). On one
 * Redis, or Sentinel's primary, the change's script takes them itself, atomically, and this class
 * is not used.
 *
 * <p>On a cluster the change's script records them in its journal entry, the caller takes them
 * right after ({@link #take}), and the relay takes them again for an entry still unacknowledged
 * ({@link #takeAgain}): its caller may have died in between. Deleting and setting are the same
 * however often done; a counter moves once per entry, because its script first sets a marker in
 * the counters hash's own slot ({@code {HASH}:moved:ENTRY}: a key whose hash tag is the hash's
 * name, or the hash's own tag if it has one) and moves nothing if the marker was there. Markers
 * live {@link #MARKED_FOR}, as long as a moved hash is kept ({@code CachedEntity.KEPT_AFTER_CHANGE_MS});
 * the relay does not move the counters of an entry older than that (the hash may have been built
 * again from MySQL since, with the change in it), so a change whose caller died before its moves
 * and that no instance relayed for so long leaves its counters short until their hashes expire.
 */
public final class LaterSteps {

    private static final Logger log = LoggerFactory.getLogger(LaterSteps.class);

    /** A field of a counters hash moved by a change. */
    public record Move(String hashKey, String field, long delta) {
    }

    /** How long a counter's marker lives: the relay moves nothing for an entry older than this, less a minute. */
    static final Duration MARKED_FOR = Duration.ofMinutes(10);

    /** KEYS: the counters hash, the marker. ARGV: field, delta, the marker's life (ms). 1 if moved, 0 if moved before. */
    private static final String MOVE_ONCE = CounterHashes.MOVE_COUNTER_LUA + """
            if not redis.call('SET', KEYS[2], '1', 'NX', 'PX', ARGV[3]) then return 0 end
            move_counter(KEYS[1], ARGV[1], tonumber(ARGV[2]))
            return 1
            """;

    private LaterSteps() {
    }

    /**
     * The steps as a journal entry keeps them, one per line: {@code m HASH FIELD DELTA} (a move; a
     * script may also write one with the delta it decided), {@code d KEY} (a delete).
     */
    public static String encode(List<Move> moves, List<String> deleted) {
        StringBuilder steps = new StringBuilder();
        moves.forEach(m -> steps.append("m ").append(m.hashKey()).append(' ').append(m.field()).append(' ').append(m.delta()).append('\n'));
        deleted.forEach(key -> steps.append("d ").append(key).append('\n'));
        return steps.toString();
    }

    /** A set-key step, {@code s KEY MS VALUE}: {@code key} holds {@code value} for {@code ms}. */
    public static String setting(String key, long ms, String value) {
        return "s " + key + ' ' + ms + ' ' + value + '\n';
    }

    /** Takes each entry's steps ({@code stepsOf}: entry ID to its encoded steps), in one pipeline. */
    public static void take(RedissonClient redisson, Map<String, String> stepsOf) {
        RBatch batch = redisson.createBatch();
        int commands = 0;
        for (Map.Entry<String, String> entry : stepsOf.entrySet()) {
            commands += add(batch, entry.getKey(), entry.getValue(), true);
        }
        if (commands > 0) {
            batch.execute();
        }
    }

    /**
     * A caller's {@link #take}: none if Redis took the steps; if it failed them (a primary died),
     * the keys they were to update, which the caller has dropped after writing its changes to
     * MySQL at once ({@code WriteBehind#handOnDropping}): left to the relay, a change would stay out
     * of MySQL, which decides the pair's next change during an outage, for the relay's whole delay.
     */
    public static List<String> takeOrKeysLeft(RedissonClient redisson, Map<String, String> stepsOf) {
        return took(redisson, stepsOf) ? List.of() : stepsOf.values().stream().flatMap(steps -> keysOf(steps).stream()).distinct().toList();
    }

    /** A caller's {@link #take}: whether Redis took every step (false: it failed some, see {@link #takeOrKeysLeft}). */
    static boolean took(RedissonClient redisson, Map<String, String> stepsOf) {
        try {
            take(redisson, stepsOf);
            return true;
        } catch (RedisException e) {
            log.warn("Later steps of {} changes failed: their changes go to MySQL now and their keys are dropped: {}",
                    stepsOf.size(), e.toString());
            return false;
        }
    }

    /** The keys the encoded steps update: moved hashes, deleted and set keys. */
    static List<String> keysOf(String steps) {
        return steps.lines().filter(line -> !line.isEmpty()).map(line -> line.split(" ", 3)[1]).toList();
    }

    /** The relay's: takes again the steps of these entries, their moves only if younger than {@link #MARKED_FOR} less a minute. */
    static void takeAgain(RedissonClient redisson, List<ChangeJournal.Entry> entries) {
        long movesUntil = System.currentTimeMillis() - MARKED_FOR.minusMinutes(1).toMillis();
        RBatch batch = redisson.createBatch();
        int commands = 0;
        List<String> tooOld = new ArrayList<>();
        for (ChangeJournal.Entry entry : entries) {
            if (entry.laterSteps().isEmpty()) {
                continue;
            }
            boolean young = addedAt(entry.id()) >= movesUntil;
            if (!young) {
                tooOld.add(entry.id());
            }
            commands += add(batch, entry.id(), entry.laterSteps(), young);
        }
        if (!tooOld.isEmpty()) {
            log.warn("Counters of {} journaled changes not moved again: older than {}, their hashes may hold them already ({})",
                    tooOld.size(), MARKED_FOR, tooOld.size() > 3 ? tooOld.subList(0, 3) + "..." : tooOld);
        }
        if (commands > 0) {
            batch.execute();
        }
    }

    /** Adds an entry's steps to the batch (its moves only if {@code moves}); answers how many commands. */
    private static int add(RBatch batch, String entryId, String steps, boolean moves) {
        int commands = 0;
        for (String line : steps.split("\n")) {
            String[] f = line.split(" ", 4);
            switch (f[0]) {
                case "m" -> {
                    if (moves) {
                        batch.getScript(StringCodec.INSTANCE).evalAsync(f[1], RScript.Mode.READ_WRITE, MOVE_ONCE, RScript.ReturnType.INTEGER,
                                List.<Object>of(f[1], markerOf(f[1], entryId)), f[2], f[3], String.valueOf(MARKED_FOR.toMillis()));
                        commands++;
                    }
                }
                case "d" -> {
                    batch.getBucket(f[1], StringCodec.INSTANCE).deleteAsync();
                    commands++;
                }
                case "s" -> {
                    batch.<String>getBucket(f[1], StringCodec.INSTANCE).setAsync(f[3], Duration.ofMillis(Long.parseLong(f[2])));
                    commands++;
                }
                case "" -> {
                }
                default -> throw new IllegalArgumentException("Not a later step: " + line);
            }
        }
        return commands;
    }

    /** The marker that a change moved a counters hash: in the hash's slot (the hash's tag, or its whole name, is the marker's tag). */
    static String markerOf(String hashKey, String entryId) {
        String tag = ChangeJournal.hashTagOf(hashKey);
        return (tag.isEmpty() ? "{" + hashKey + "}" : tag + hashKey) + ":moved:" + entryId;
    }

    /** When the entry was added: the milliseconds of its stream ID. */
    private static long addedAt(String entryId) {
        String streamId = entryId.substring(entryId.lastIndexOf('/') + 1);
        return Long.parseLong(streamId.substring(0, streamId.indexOf('-')));
    }
}
