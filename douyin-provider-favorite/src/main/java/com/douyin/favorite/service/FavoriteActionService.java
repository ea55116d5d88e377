package com.douyin.favorite.service;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.event.FavoriteChangedEvent;
import com.douyin.api.event.Topics;
import com.douyin.api.video.VideoDTO;
import com.douyin.api.video.VideoService;
import com.douyin.favorite.cache.LikedVideos;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboReference;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.apache.rocketmq.spring.support.RocketMQHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Service;

/**
 * A like or unlike: one atomic step in Redis (state and cached counters, see
 * {@link LikedVideos}), then, only if something changed, a {@link FavoriteChangedEvent} that
 * carries it to MySQL: the favorite rows (this provider's write-behind), video.favorite_count
 * (video provider) and the users' counters (user provider). The answer does not wait for MySQL.
 */
@Service
public class FavoriteActionService {

    private static final Logger log = LoggerFactory.getLogger(FavoriteActionService.class);

    @DubboReference(providedBy = "douyin-video", check = false)
    private VideoService videos;

    private final LikedVideos liked;
    private final RocketMQTemplate rocketMQ;

    public FavoriteActionService(LikedVideos liked, RocketMQTemplate rocketMQ) {
        this.liked = liked;
        this.rocketMQ = rocketMQ;
    }

    public void like(long userId, long videoId) {
        change(userId, videoId, +1);
    }

    public void unlike(long userId, long videoId) {
        change(userId, videoId, -1);
    }

    private void change(long userId, long videoId, int delta) {
        long authorId = authorOf(videoId);
        LikedVideos.Flip flip = liked.flip(userId, videoId, authorId, delta);
        if (!flip.changed()) {
            return; // a repeat: nothing to store
        }
        FavoriteChangedEvent event = new FavoriteChangedEvent(userId, videoId, authorId, delta, flip.sequence());
        try {
            rocketMQ.syncSend(Topics.FAVORITE, MessageBuilder.withPayload(event).setHeader(RocketMQHeaders.KEYS, event.eventKey()).build());
        } catch (MessagingException e) {
            // Not stored anywhere durable: take the change back so Redis does not claim it.
            liked.flip(userId, videoId, authorId, -delta);
            log.warn("Like refused, the message broker is unavailable: {}", e.toString());
            throw new DouyinException(ErrorCode.SERVICE_UNAVAILABLE);
        }
    }

    private long authorOf(long videoId) {
        List<VideoDTO> found = videos.getVideos(List.of(videoId));
        if (found.isEmpty()) {
            throw new DouyinException(ErrorCode.VIDEO_NOT_FOUND);
        }
        return found.get(0).authorId();
    }
}
