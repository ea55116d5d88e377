package com.douyin.common.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.redisson.api.RLock;
import org.redisson.api.RScoredSortedSet;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.ScoredEntry;

/**
 * A Redis sorted set that is either complete or absent: loaded from MySQL as a whole, with a
 * marker member (score 0) so that an empty set exists too and a read can tell "loaded, empty"
 * from "not in Redis". One request loads it, under a lock, however many miss it at once.
 * Reads ask for the marker together with what they need, so a hit costs one round trip.
 */
public final class CompleteSortedSet {

    /** Present in every loaded set; never a real member. */
    public static final String MARKER = "loaded";

    private final RedissonClient redisson;
    private final String key;
    private final Supplier<Map<String, Double>> rows;
    private final Duration ttl;

    /** {@code rows}: every member and its score, from MySQL; {@code ttl}: null for none. */
    public CompleteSortedSet(RedissonClient redisson, String key, Supplier<Map<String, Double>> rows, Duration ttl) {
        this.redisson = redisson;
        this.key = key;
        this.rows = rows;
        this.ttl = ttl;
    }

    public RScoredSortedSet<String> set() {
        return redisson.getScoredSortedSet(key, StringCodec.INSTANCE);
    }

    /**
     * Up to {@code count} members from the {@code offset}-th, highest score first, without the
     * marker; loads the set if Redis has none. One round trip whatever the set's size (the marker,
     * scored 0, is last: a page that reaches it holds fewer); a page past the end asks once more
     * whether the set is loaded.
     */
    public List<String> highestFirst(int offset, int count) {
        if (count <= 0) {
            return List.of();
        }
        Collection<String> page = set().valueRangeReversed(offset, offset + count - 1);
        if (page.isEmpty() && !set().isExists()) {
            load();
            page = set().valueRangeReversed(offset, offset + count - 1);
        }
        return page.stream().filter(member -> !MARKER.equals(member)).toList();
    }

    /** Every member and its score, highest score first, without the marker; loads the set if Redis has none. */
    public LinkedHashMap<String, Double> highestFirstWithScores() {
        Collection<ScoredEntry<String>> entries = set().entryRangeReversed(0, -1);
        if (entries.isEmpty()) { // not even the marker: not loaded
            load();
            entries = set().entryRangeReversed(0, -1);
        }
        LinkedHashMap<String, Double> members = new LinkedHashMap<>();
        for (ScoredEntry<String> entry : entries) {
            if (!MARKER.equals(entry.getValue())) {
                members.put(entry.getValue(), entry.getScore());
            }
        }
        return members;
    }

    /** The scores of {@code members} (null where absent), in their order; loads the set if Redis has none. */
    public List<Double> scores(List<String> members) {
        List<String> asked = new ArrayList<>(members);
        asked.add(MARKER);
        List<Double> scores = set().getScore(asked);
        if (scores.get(scores.size() - 1) == null) {
            load();
            scores = set().getScore(asked);
        }
        return scores.subList(0, members.size());
    }

    /** Which of {@code members} are in the set; loads the set if Redis has none. */
    public Set<String> among(List<String> members) {
        List<Double> scores = scores(members);
        Set<String> present = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            if (scores.get(i) != null) {
                present.add(members.get(i));
            }
        }
        return present;
    }

    /** Loads the set from MySQL unless it is in Redis already. */
    public void load() {
        RLock lock = redisson.getLock(key + ":load");
        lock.lock();
        try {
            RScoredSortedSet<String> set = set();
            if (set.isExists()) {
                return;
            }
            Map<String, Double> members = new HashMap<>(rows.get());
            members.put(MARKER, 0d);
            set.addAll(members);
            if (ttl != null) {
                set.expire(ttl);
            }
        } finally {
            lock.unlock();
        }
    }
}
