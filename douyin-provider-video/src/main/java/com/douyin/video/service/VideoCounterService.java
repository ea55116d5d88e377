package com.douyin.video.service;

import com.douyin.api.event.FavoriteChangedEvent;
import com.douyin.common.mq.ConsumedEvents;
import com.douyin.common.mq.CounterDeltas;
import com.douyin.video.dao.VideoMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The video provider is the one writer of video.favorite_count in MySQL; the favorite provider
 * has already moved the cached count in Redis, in the same atomic step as the like itself. Each
 * change is applied once (its key commits with the counts), a batch in one UPDATE per video.
 */
@Service
public class VideoCounterService {

    static final String FAVORITE_COUNT_CONSUMER = "video-favorite-count";

    private final VideoMapper videos;
    private final ConsumedEvents consumed;
    private final TransactionTemplate transaction;

    public VideoCounterService(VideoMapper videos, ConsumedEvents consumed, TransactionTemplate transaction) {
        this.videos = videos;
        this.consumed = consumed;
        this.transaction = transaction;
    }

    public void applyFavoriteChanges(List<FavoriteChangedEvent> changes) {
        transaction.executeWithoutResult(status -> {
            Set<String> fresh = consumed.firstDeliveries(FAVORITE_COUNT_CONSUMER,
                    changes.stream().map(FavoriteChangedEvent::eventKey).toList());
            List<FavoriteChangedEvent> toApply = changes.stream().filter(c -> fresh.contains(c.eventKey())).toList();
            Map<Long, Long> deltas = CounterDeltas.sum(toApply, FavoriteChangedEvent::videoId, FavoriteChangedEvent::delta);
            deltas.forEach(videos::addFavoriteCount);
        });
    }
}
