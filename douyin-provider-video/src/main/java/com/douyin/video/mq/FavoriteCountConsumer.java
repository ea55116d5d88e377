package com.douyin.video.mq;

import com.douyin.api.event.FavoriteChangedEvent;
import com.douyin.api.event.Topics;
import com.douyin.common.mq.BatchEventConsumer;
import com.douyin.video.service.VideoCounterService;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Likes and unlikes, in batches, into video.favorite_count. */
@Component
public class FavoriteCountConsumer extends BatchEventConsumer<FavoriteChangedEvent> {

    private final VideoCounterService counters;

    public FavoriteCountConsumer(VideoCounterService counters,
                                 @Value("${rocketmq.name-server}") String nameServer,
                                 @Value("${douyin.video.favorite-count-group:douyin-video-favorite-count}") String group) {
        super(nameServer, group, Topics.FAVORITE, FavoriteChangedEvent.class, MAX_BATCH);
        this.counters = counters;
    }

    @Override
    protected void consume(List<FavoriteChangedEvent> events) {
        counters.applyFavoriteChanges(events);
    }
}
