package com.douyin.relation.service;

import com.douyin.api.event.FollowChangedEvent;
import com.douyin.api.relation.FollowChangeSink;
import com.douyin.api.cache.CachedEntity;
import com.douyin.writebehind.ToggleSet;
import com.douyin.writebehind.SynchronousPath;
import com.douyin.common.redis.RedisOutage;
import com.douyin.relation.cache.FollowedUsers;
import com.douyin.relation.cache.FriendLists;
import com.douyin.relation.dao.FollowMapper;
import com.douyin.relation.dao.PairState;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The synchronous path of a follow: the follow row and a {@code relation_outbox} entry commit
 * together, then the user provider applies the counters over Dubbo ({@link FollowChangeSink});
 * see {@link SynchronousPath}. Taken when the broker is unavailable ({@link #write}: Redis has
 * decided the change), and when Redis is ({@link #changeInMysql}: the row decides it).
 */
@Service
public class FollowDirectWriter extends SynchronousPath<FollowChangedEvent> {

    @DubboReference(providedBy = "douyin-user", check = false)
    private FollowChangeSink userCounters;

    private final FollowRowWriter rows;
    private final FollowMapper follows;
    private final RedisOutage outage;

    public FollowDirectWriter(FollowRowWriter rows, FollowMapper follows, RedisOutage outage,
                              JdbcTemplate jdbc, TransactionTemplate transaction) {
        super(jdbc, transaction, "relation_outbox", FollowChangedEvent.class);
        this.rows = rows;
        this.follows = follows;
        this.outage = outage;
    }

    /**
     * A follow (+1) or unfollow (-1) while Redis is out: the pair's row, locked, says whether it is
     * a change; the Redis copies it makes stale are recorded in the same transaction and dropped
     * when Redis is back. (As for likes: a change still on its way through the broker when Redis
     * failed is not in the row yet.)
     */
    public void changeInMysql(long followerId, long followeeId, int delta) {
        write(() -> {
            follows.insertUnfollowed(followerId, followeeId);
            PairState stored = follows.lockPair(followerId, followeeId);
            if (stored.following() == (delta > 0)) {
                return null; // a repeat
            }
            outage.markStale(List.of(FollowedUsers.setKey(followerId),
                    CachedEntity.USER.countersKey(followerId), CachedEntity.USER.countersKey(followeeId),
                    FriendLists.key(followerId), FriendLists.key(followeeId)));
            return new FollowChangedEvent(followerId, followeeId, delta, ToggleSet.sequenceAfter(stored.changeSeq()));
        });
    }

    @Override
    protected void storeOwnRows(FollowChangedEvent change) {
        rows.store(List.of(change));
    }

    @Override
    protected void applyElsewhere(FollowChangedEvent change) {
        userCounters.apply(change);
    }
}
