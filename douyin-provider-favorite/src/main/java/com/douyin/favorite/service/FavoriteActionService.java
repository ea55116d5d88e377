package com.douyin.favorite.service;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.event.FavoriteChangedEvent;
import com.douyin.api.event.Topics;
import com.douyin.common.cache.ToggleSet;
import com.douyin.common.mq.BrokerOrFallback;
import com.douyin.common.redis.RedisOutage;
import com.douyin.common.video.VideoAuthors;
import com.douyin.favorite.cache.LikedVideos;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A like or unlike: one atomic step in Redis (state and cached counters, see
 * {@link LikedVideos}), then, only if something changed, a {@link FavoriteChangedEvent} that
 * carries it to MySQL: the favorite rows (this provider's write-behind), video.favorite_count
 * (video provider) and the users' counters (user provider). The answer does not wait for MySQL.
 * When the broker fails or is slow, a circuit breaker sends changes down the synchronous path
 * ({@link FavoriteDirectWriter}) instead: slower, and the user sees success all the same. When
 * Redis is out ({@link RedisOutage}), the favorite row decides and stores the change, on that
 * same synchronous path; a Redis error while Redis is not out is tried once more, then refused
 * ({@link RedisOutage#decideOrElse}).
 */
@Service
public class FavoriteActionService {

    private static final Logger log = LoggerFactory.getLogger(FavoriteActionService.class);

    private final LikedVideos liked;
    private final VideoAuthors authors;
    private final BrokerOrFallback broker;
    private final FavoriteDirectWriter direct;
    private final RedisOutage outage;

    public FavoriteActionService(LikedVideos liked, VideoAuthors authors, RocketMQTemplate rocketMQ, FavoriteDirectWriter direct,
                                 RedisOutage outage) {
        this.liked = liked;
        this.authors = authors;
        this.direct = direct;
        this.outage = outage;
        this.broker = new BrokerOrFallback(rocketMQ, "mq:" + Topics.FAVORITE);
    }

    public void like(long userId, long videoId) {
        change(userId, videoId, +1);
    }

    public void unlike(long userId, long videoId) {
        change(userId, videoId, -1);
    }

    private void change(long userId, long videoId, int delta) {
        long authorId = authors.authorOf(videoId);
        String flipId = ToggleSet.newFlipId(); // the same for a second try after a Redis error
        outage.decideOrElse(() -> changeInRedis(flipId, userId, videoId, authorId, delta),
                () -> direct.changeInMysql(userId, videoId, authorId, delta));
    }

    private void changeInRedis(String flipId, long userId, long videoId, long authorId, int delta) {
        ToggleSet.Flip flip = liked.flip(flipId, userId, videoId, authorId, delta);
        if (!flip.changed()) {
            return; // a repeat: nothing to store
        }
        FavoriteChangedEvent event = new FavoriteChangedEvent(userId, videoId, authorId, delta, flip.sequence());
        try {
            broker.send(Topics.FAVORITE, event, event.eventKey(), () -> direct.write(event));
        } catch (RuntimeException e) {
            // Neither path stored it: take the change back so Redis does not claim it.
            try {
                liked.flip(ToggleSet.newFlipId(), userId, videoId, authorId, -delta);
            } catch (RuntimeException undoFailed) { // not a Redis error for decideOrElse to try again
                log.error("Like of video {} by user {} is in Redis but stored nowhere: {}", videoId, userId, undoFailed.toString());
            }
            log.warn("Like refused, neither the broker nor MySQL took it: {}", e.toString());
            throw new DouyinException(ErrorCode.SERVICE_UNAVAILABLE);
        }
    }
}
