package com.douyin.user.mq;

import com.douyin.api.event.FavoriteChangedEvent;
import com.douyin.api.event.Topics;
import com.douyin.common.mq.BatchEventConsumer;
import com.douyin.user.service.UserCounterService;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Likes and unlikes, in batches, into user.favorite_count (liker) and user.total_favorited (author). */
@Component
public class FavoriteCountConsumer extends BatchEventConsumer<FavoriteChangedEvent> {

    private final UserCounterService counters;

    public FavoriteCountConsumer(UserCounterService counters,
                                 @Value("${rocketmq.name-server}") String nameServer,
                                 @Value("${douyin.user.favorite-count-group:douyin-user-favorite-count}") String group) {
        super(nameServer, group, Topics.FAVORITE, FavoriteChangedEvent.class, MAX_BATCH);
        this.counters = counters;
    }

    @Override
    protected void consume(List<FavoriteChangedEvent> events) {
        counters.applyFavoriteChanges(events);
    }
}
