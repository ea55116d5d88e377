package com.douyin.favorite.mq;

import com.douyin.api.event.FavoriteChangedEvent;
import com.douyin.api.event.Topics;
import com.douyin.common.mq.BatchEventConsumer;
import com.douyin.favorite.service.FavoriteRowWriter;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Likes and unlikes, in batches, into the favorite table. */
@Component
public class FavoriteWriteBehindConsumer extends BatchEventConsumer<FavoriteChangedEvent> {

    private final FavoriteRowWriter rows;

    public FavoriteWriteBehindConsumer(FavoriteRowWriter rows,
                                       @Value("${rocketmq.name-server}") String nameServer,
                                       @Value("${douyin.favorite.write-behind-group:douyin-favorite-write-behind}") String group) {
        super(nameServer, group, Topics.FAVORITE, FavoriteChangedEvent.class, MAX_BATCH);
        this.rows = rows;
    }

    @Override
    protected void consume(List<FavoriteChangedEvent> events) {
        rows.store(events);
    }
}
