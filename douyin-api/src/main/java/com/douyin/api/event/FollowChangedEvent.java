package com.douyin.api.event;

import java.io.Serializable;

/**
 * A follow or unfollow that changed something (repeats are not sent). {@code delta} is +1 or -1
 * for the follower's follow_count and the followee's follower_count, so consumers may sum a
 * batch in any order. {@code sequence} orders the changes of one (follower, followee) pair: the
 * later one decides the stored state.
 */
public record FollowChangedEvent(long followerId, long followeeId, int delta, long sequence) implements PairChange, Serializable {

    @Override
    public long ownerId() {
        return followerId;
    }

    @Override
    public long memberId() {
        return followeeId;
    }

    public boolean following() {
        return delta > 0;
    }

    /** The key consumers deduplicate on. */
    @Override
    public String eventKey() {
        return "follow:" + followerId + ":" + followeeId + ":" + sequence;
    }
}
