package com.douyin.api.relation;

import com.douyin.api.event.FollowChangedEvent;

/**
 * The user provider's follow counters (follow_count, follower_count). Normally the changes reach
 * it through RocketMQ; this is the synchronous path the relation provider takes when the broker is
 * unavailable. Applying the same change twice, by either path, counts it once.
 */
public interface FollowChangeSink {

    void apply(FollowChangedEvent change);
}
