package com.douyin.user.mq;

import com.douyin.api.event.FollowChangedEvent;
import com.douyin.api.event.Topics;
import com.douyin.common.mq.BatchEventConsumer;
import com.douyin.user.service.UserCounterService;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Follows and unfollows, in batches, into user.follow_count (follower) and user.follower_count (followee). */
@Component
public class FollowCountConsumer extends BatchEventConsumer<FollowChangedEvent> {

    private final UserCounterService counters;

    public FollowCountConsumer(UserCounterService counters,
                               @Value("${rocketmq.name-server}") String nameServer,
                               @Value("${douyin.user.follow-count-group:douyin-user-follow-count}") String group) {
        super(nameServer, group, Topics.RELATION, FollowChangedEvent.class, MAX_BATCH);
        this.counters = counters;
    }

    @Override
    protected void consume(List<FollowChangedEvent> events) {
        counters.applyFollowChanges(events);
    }
}
