package com.douyin.relation.service;

import com.douyin.api.event.FollowChangedEvent;
import com.douyin.relation.dao.FollowMapper;
import com.douyin.relation.dao.FollowRow;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * Stores changes in the follow table: per (follower, followee) pair only the latest change of a
 * batch, all in one statement. Idempotent without bookkeeping: each row keeps the sequence of the
 * change it holds, and an older or repeated change does not overwrite it.
 */
@Service
public class FollowRowWriter {

    private final FollowMapper follows;

    public FollowRowWriter(FollowMapper follows) {
        this.follows = follows;
    }

    public void store(List<FollowChangedEvent> changes) {
        if (changes.isEmpty()) {
            return;
        }
        // Keyed and sorted by pair, so concurrent batches lock rows in the same order.
        Map<String, FollowChangedEvent> latest = new TreeMap<>();
        for (FollowChangedEvent change : changes) {
            latest.merge(change.followerId() + ":" + change.followeeId(), change,
                    (a, b) -> a.sequence() >= b.sequence() ? a : b);
        }
        List<FollowRow> rows = latest.values().stream()
                .map(c -> new FollowRow(c.followerId(), c.followeeId(), c.following(), c.sequence() / 1000, c.sequence()))
                .sorted(Comparator.comparingLong(FollowRow::followerId).thenComparingLong(FollowRow::followeeId))
                .toList();
        follows.upsertLatest(rows);
    }
}
