package com.douyin.user.rpc;

import com.douyin.api.event.FollowChangedEvent;
import com.douyin.api.relation.FollowChangeSink;
import com.douyin.user.service.UserCounterService;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboService;

/** Follows into user.follow_count and follower_count when they cannot come through RocketMQ. */
@DubboService
public class FollowChangeSinkRpc implements FollowChangeSink {

    private final UserCounterService counters;

    public FollowChangeSinkRpc(UserCounterService counters) {
        this.counters = counters;
    }

    @Override
    public void apply(FollowChangedEvent change) {
        counters.applyFollowChanges(List.of(change));
    }
}
