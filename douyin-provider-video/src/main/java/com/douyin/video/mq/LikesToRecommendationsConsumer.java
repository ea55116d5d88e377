package com.douyin.video.mq;

import com.douyin.api.event.FavoriteChangedEvent;
import com.douyin.api.event.Topics;
import com.douyin.common.mq.BatchEventConsumer;
import com.douyin.video.recommend.RecommendationModel;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Likes and unlikes, in batches, into the recommendation model (its own group: the counters never
 * wait for it). {@code douyin.recommend.consume-likes=false} leaves it out (a test that hands the
 * model its likes itself: a new group would otherwise start with every like the broker still holds).
 */
@Component
@ConditionalOnProperty(name = "douyin.recommend.consume-likes", havingValue = "true", matchIfMissing = true)
public class LikesToRecommendationsConsumer extends BatchEventConsumer<FavoriteChangedEvent> {

    private final RecommendationModel model;

    public LikesToRecommendationsConsumer(RecommendationModel model, @Value("${rocketmq.name-server}") String nameServer,
                                          @Value("${douyin.recommend.like-group:douyin-video-recommend}") String group) {
        super(nameServer, group, Topics.FAVORITE, FavoriteChangedEvent.class, MAX_BATCH);
        this.model = model;
    }

    @Override
    protected void consume(List<FavoriteChangedEvent> events) {
        model.liked(events);
    }
}
