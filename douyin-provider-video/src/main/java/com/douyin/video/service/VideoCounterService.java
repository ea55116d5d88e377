package com.douyin.video.service;

import com.douyin.api.event.CommentChangedEvent;
import com.douyin.api.event.FavoriteChangedEvent;
import com.douyin.common.mq.ConsumedEvents;
import com.douyin.writebehind.CounterDeltas;
import com.douyin.video.dao.VideoMapper;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The video provider is the one writer of video.favorite_count and comment_count in MySQL; the
 * favorite and comment providers have already moved the cached counts in Redis, in the same
 * atomic step as the like or comment itself. Each change is applied once (its key commits with
 * the counts), a batch in one UPDATE per video.
 */
@Service
public class VideoCounterService {

    static final String FAVORITE_COUNT_CONSUMER = "video-favorite-count";
    static final String COMMENT_COUNT_CONSUMER = "video-comment-count";

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
            List<FavoriteChangedEvent> fresh = consumed.firstDeliveries(FAVORITE_COUNT_CONSUMER, changes, FavoriteChangedEvent::eventKey);
            add("favorite_count", CounterDeltas.sum(fresh, FavoriteChangedEvent::videoId, FavoriteChangedEvent::delta));
        });
    }

    public void applyCommentChanges(List<CommentChangedEvent> changes) {
        transaction.executeWithoutResult(status -> {
            List<CommentChangedEvent> fresh = consumed.firstDeliveries(COMMENT_COUNT_CONSUMER, changes, CommentChangedEvent::eventKey);
            add("comment_count", CounterDeltas.sum(fresh, c -> c.comment().videoId(), CommentChangedEvent::delta));
        });
    }

    private void add(String counter, Map<Long, Long> deltas) {
        if (!deltas.isEmpty()) {
            videos.addToCounter(counter, deltas);
        }
    }
}
