package com.douyin.comment.service;

import com.douyin.api.comment.CommentDTO;
import com.douyin.api.comment.CommentText;
import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.event.CommentChangedEvent;
import com.douyin.api.event.Topics;
import com.douyin.comment.cache.VideoComments;
import com.douyin.common.id.SnowflakeIdGenerator;
import com.douyin.common.mq.BrokerOrFallback;
import com.douyin.common.redis.RedisOutage;
import com.douyin.common.text.SensitiveText;
import com.douyin.common.video.VideoAuthors;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Adding and deleting comments: first Redis (the video's comment set and cached
 * comment_count, one Lua step, so the next list shows it), then a {@link CommentChangedEvent}
 * that carries the change to MySQL (this provider's rows, the video provider's comment_count).
 * When the broker fails or is slow, a circuit breaker sends changes down the synchronous path
 * ({@link CommentDirectWriter}) instead. When Redis is out ({@link RedisOutage}), changes go
 * straight to that synchronous path, so a list read from MySQL shows them at once.
 */
@Service
public class CommentActionService {

    private static final Logger log = LoggerFactory.getLogger(CommentActionService.class);

    private final VideoComments comments;
    private final VideoAuthors videos;
    private final SnowflakeIdGenerator ids;
    private final BrokerOrFallback broker;
    private final CommentDirectWriter direct;
    private final RedisOutage outage;

    public CommentActionService(VideoComments comments, VideoAuthors videos, SnowflakeIdGenerator ids,
                                RocketMQTemplate rocketMQ, CommentDirectWriter direct, RedisOutage outage) {
        this.comments = comments;
        this.videos = videos;
        this.ids = ids;
        this.direct = direct;
        this.outage = outage;
        this.broker = new BrokerOrFallback(rocketMQ, "mq:" + Topics.COMMENT);
    }

    public CommentDTO add(long userId, long videoId, String text) {
        String content = SensitiveText.mask(CommentText.RULE.normalize(text));
        videos.authorOf(videoId); // the video must exist
        long id = ids.nextId();
        CommentDTO comment = new CommentDTO(id, videoId, userId, content, SnowflakeIdGenerator.timestampOf(id));
        outage.redisOrElse(() -> {
            comments.add(comment);
            send(new CommentChangedEvent(comment, +1), () -> comments.remove(videoId, id));
        }, () -> direct.addInMysql(comment));
        return comment;
    }

    /** Deletes the comment if the user may; returns it, or null if it was not there (a repeat, or another video's). */
    public CommentDTO delete(long userId, long videoId, long commentId) {
        return outage.redisOrElse(() -> deleteInRedis(userId, videoId, commentId),
                () -> direct.deleteInMysql(videoId, commentId, comment -> checkMayDelete(userId, comment)));
    }

    private CommentDTO deleteInRedis(long userId, long videoId, long commentId) {
        CommentDTO comment = comments.find(videoId, commentId);
        if (comment == null) {
            return null;
        }
        checkMayDelete(userId, comment);
        if (comments.remove(videoId, commentId)) {
            send(new CommentChangedEvent(comment, -1), () -> comments.add(comment));
        }
        return comment;
    }

    /** Only the comment's author or the video's author may delete it. */
    private void checkMayDelete(long userId, CommentDTO comment) {
        if (comment.userId() != userId && videos.authorOf(comment.videoId()) != userId) {
            throw new DouyinException(ErrorCode.COMMENT_FORBIDDEN);
        }
    }

    /** Sends the change (or writes it synchronously); if neither works, {@code undo} takes it back out of Redis. */
    private void send(CommentChangedEvent event, Runnable undo) {
        try {
            broker.send(Topics.COMMENT, event, event.eventKey(), () -> direct.write(event));
        } catch (RuntimeException e) {
            undo.run();
            log.warn("Comment change refused, neither the broker nor MySQL took it: {}", e.toString());
            throw new DouyinException(ErrorCode.SERVICE_UNAVAILABLE);
        }
    }
}
