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
import com.douyin.common.redis.RedisOutage;
import com.douyin.common.text.SensitiveText;
import com.douyin.writebehind.WriteBehind;
import com.douyin.common.video.VideoAuthors;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Adding and deleting comments, on the {@link WriteBehind} path: first Redis (the video's comment
 * set and cached comment_count, one Lua step, so the next list shows it), then a
 * {@link CommentChangedEvent} that carries the change to MySQL (this provider's rows, the video
 * provider's comment_count). The synchronous path is {@link CommentDirectWriter}. When Redis is
 * out ({@link RedisOutage}), changes go straight to it, so a list read from MySQL shows them at
 * once.
 *
 * <p>Replies are one level deep: a reply to a reply joins the thread of its top-level comment.
 * Deleting a top-level comment hides its replies with it, in the same step, and the change's
 * delta counts them all, so video.comment_count stays the number of visible comments and replies.
 */
@Service
public class CommentActionService {

    private final VideoComments comments;
    private final VideoAuthors videos;
    private final SnowflakeIdGenerator ids;
    private final CommentDirectWriter direct;
    private final RedisOutage outage;
    /** Its relay hands on, every 10 s, what was journaled over douyin.journal.in-flight (30 s) ago and not acknowledged. */
    private final WriteBehind<CommentChangedEvent> writeBehind;
    private final CommentMapper rows;

    public CommentActionService(VideoComments comments, VideoAuthors videos, SnowflakeIdGenerator ids,
                                RocketMQTemplate rocketMQ, CommentDirectWriter direct, RedisOutage outage, CommentMapper rows,
                                @Value("${douyin.journal.in-flight:30s}") Duration inFlight) {
        this.comments = comments;
        this.rows = rows;
        this.videos = videos;
        this.ids = ids;
        this.direct = direct;
        this.outage = outage;
        this.writeBehind = new WriteBehind<>("comment changes", Topics.COMMENT, comments.journal(), VideoComments::eventOf, direct,
                rocketMQ, outage, inFlight);
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
        VideoComments.Change added = comments.add(comment);
        if (added.comments().isEmpty()) {
            return null; // its thread was deleted meanwhile
        }
        handOn(new CommentChangedEvent(comment, +1), added);
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
        VideoComments.Change removed = comments.remove(videoId, commentId); // with its replies
        if (!removed.comments().isEmpty()) {
            handOn(new CommentChangedEvent(comment, -removed.comments().size()), removed);
        }
        return comment;
    }

    private void handOn(CommentChangedEvent event, VideoComments.Change change) {
        writeBehind.handOn(List.of(event), Collections.singletonMap(event, change.journalEntry()), change.keysLeft());
    }

    /** Only the comment's author or the video's author may delete it. */
    private void checkMayDelete(long userId, CommentDTO comment) {
        if (comment.userId() != userId && videos.authorOf(comment.videoId()) != userId) {
            throw new DouyinException(ErrorCode.COMMENT_FORBIDDEN);
        }
    }

    /** Hands on what the journal kept: from an instance that died, or a moment when neither path worked. */
    @Scheduled(initialDelay = 10_000, fixedDelay = 10_000)
    public void relayJournal() {
        writeBehind.relayJournal();
    }
}
