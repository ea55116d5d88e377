package com.douyin.comment.service;

import com.douyin.api.comment.CommentDTO;
import com.douyin.api.comment.CommentText;
import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.event.CommentChangedEvent;
import com.douyin.api.event.Topics;
import com.douyin.comment.cache.VideoComments;
import com.douyin.comment.dao.CommentMapper;
import com.douyin.common.id.SnowflakeIdGenerator;
import com.douyin.common.mq.BrokerOrFallback;
import com.douyin.common.redis.RedisOutage;
import com.douyin.common.text.SensitiveText;
import com.douyin.common.video.VideoAuthors;
import java.util.List;
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
 *
 * <p>Replies are one level deep: a reply to a reply joins the thread of its top-level comment.
 * Deleting a top-level comment hides its replies with it, in the same step, and the change's
 * delta counts them all, so video.comment_count stays the number of visible comments and replies.
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
    private final CommentMapper rows;

    public CommentActionService(VideoComments comments, VideoAuthors videos, SnowflakeIdGenerator ids,
                                RocketMQTemplate rocketMQ, CommentDirectWriter direct, RedisOutage outage, CommentMapper rows) {
        this.comments = comments;
        this.rows = rows;
        this.videos = videos;
        this.ids = ids;
        this.direct = direct;
        this.outage = outage;
        this.broker = new BrokerOrFallback(rocketMQ, "mq:" + Topics.COMMENT);
    }

    /** {@code parentId}: 0 for a top-level comment, else the comment of this video it replies to. */
    public CommentDTO add(long userId, long videoId, long parentId, String text) {
        String content = SensitiveText.mask(CommentText.RULE.normalize(text));
        videos.authorOf(videoId); // the video must exist
        long id = ids.nextId();
        CommentDTO asked = new CommentDTO(id, videoId, userId, parentId, content, SnowflakeIdGenerator.timestampOf(id));
        CommentDTO added = outage.redisOrElse(() -> addInRedis(asked), () -> direct.addInMysql(asked));
        if (added == null) {
            throw replyRefused(videoId, parentId);
        }
        return added;
    }

    /** The comment as added (a reply in its thread), or null if what it replies to is not visible. */
    private CommentDTO addInRedis(CommentDTO asked) {
        CommentDTO comment = asked;
        if (asked.parentId() != 0) {
            CommentDTO parent = comments.find(asked.videoId(), asked.parentId());
            if (parent == null) {
                return null;
            }
            long thread = parent.parentId() == 0 ? parent.id() : parent.parentId();
            comment = new CommentDTO(asked.id(), asked.videoId(), asked.userId(), thread, asked.content(), asked.createdAt());
        }
        if (!comments.add(comment)) {
            return null; // its thread was deleted meanwhile
        }
        long videoId = comment.videoId();
        long id = comment.id();
        send(new CommentChangedEvent(comment, +1), () -> comments.remove(videoId, id));
        return comment;
    }

    /** Why a reply was refused, as precisely as the comment's video tells. */
    private DouyinException replyRefused(long videoId, long parentId) {
        Long parentVideo = outage.redisOrElse(() -> comments.videoOf(parentId), () -> rows.findVideoOf(parentId));
        if (parentVideo != null && parentVideo != videoId) {
            return new DouyinException(ErrorCode.REPLY_TARGET_INVALID, "The comment you reply to is on another video.");
        }
        return new DouyinException(ErrorCode.REPLY_TARGET_INVALID);
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
        List<CommentDTO> removed = comments.remove(videoId, commentId); // with its replies
        if (!removed.isEmpty()) {
            send(new CommentChangedEvent(comment, -removed.size()), () -> comments.restore(videoId, removed));
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
