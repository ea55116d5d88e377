package com.douyin.relation.service;

import com.douyin.api.event.FollowChangedEvent;
import com.douyin.writebehind.LatestPerPair;
import com.douyin.relation.dao.FollowMapper;
import com.douyin.relation.dao.FollowRow;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Stores changes in the follow table: per (follower, followee) pair only the latest change of a
 * batch ({@link LatestPerPair}), all in one statement. Idempotent without bookkeeping: each row
 * keeps the sequence of the change it holds, and an older or repeated change does not overwrite it.
 */
@Service
public class FollowRowWriter {

    private final FollowMapper follows;

    public FollowRowWriter(FollowMapper follows) {
        this.follows = follows;
    }

    public void store(List<FollowChangedEvent> changes) {
        if (!changes.isEmpty()) {
            follows.upsertLatest(LatestPerPair.of(changes).stream()
                    .map(c -> new FollowRow(c.followerId(), c.followeeId(), c.following(), c.sequence() / 1000, c.sequence()))
                    .toList());
        }
    }
}
