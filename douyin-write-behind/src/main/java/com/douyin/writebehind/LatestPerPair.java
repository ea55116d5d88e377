package com.douyin.writebehind;

import com.douyin.api.event.PairChange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a batch of switches leaves in a pair table (favorite, follow): per (owner, member) pair
 * only the change with the highest sequence, since that one decides the row. Sorted by pair, so
 * concurrent batches lock rows in the same order and cannot deadlock.
 */
public final class LatestPerPair {

    private static final Comparator<PairChange> BY_PAIR =
            Comparator.comparingLong(PairChange::ownerId).thenComparingLong(PairChange::memberId);

    private LatestPerPair() {
    }

    public static <E extends PairChange> List<E> of(List<E> changes) {
        Map<PairChange, E> latest = new TreeMap<>(BY_PAIR);
        for (E change : changes) {
            latest.merge(change, change, (a, b) -> a.sequence() >= b.sequence() ? a : b);
        }
        return new ArrayList<>(latest.values());
    }
}
