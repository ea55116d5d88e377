package com.douyin.relation.mq;

import com.douyin.api.event.FollowChangedEvent;
import com.douyin.api.event.Topics;
import com.douyin.common.mq.BatchEventConsumer;
import com.douyin.relation.service.FollowRowWriter;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Follows and unfollows, in batches, into the follow table. */
@Component
public class FollowWriteBehindConsumer extends BatchEventConsumer<FollowChangedEvent> {

    private final FollowRowWriter rows;

    public FollowWriteBehindConsumer(FollowRowWriter rows,
                                     @Value("${rocketmq.name-server}") String nameServer,
                                     @Value("${douyin.relation.write-behind-group:douyin-relation-write-behind}") String group) {
        super(nameServer, group, Topics.RELATION, FollowChangedEvent.class, MAX_BATCH);
        this.rows = rows;
    }

    @Override
    protected void consume(List<FollowChangedEvent> events) {
        rows.store(events);
    }
}
