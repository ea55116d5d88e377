package com.douyin.comment.service;

import com.douyin.api.comment.CommentChangeSink;
import com.douyin.api.comment.CommentDTO;
import com.douyin.api.event.CommentChangedEvent;
import com.douyin.comment.cache.VideoComments;
import com.douyin.comment.dao.CommentMapper;
import com.douyin.common.cache.CachedEntity;
import com.douyin.common.mq.SynchronousPath;
import com.douyin.common.redis.RedisOutage;
import java.util.List;
import java.util.function.Consumer;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The synchronous path of a comment change: the comment row and a {@code comment_outbox} entry
 * commit together, then the video provider applies comment_count over Dubbo
 * ({@link CommentChangeSink}); see {@link SynchronousPath}. Taken when the broker is unavailable
 * ({@link #write}), and when Redis is ({@link #addInMysql}, {@link #deleteInMysql}: the Redis
 * copies they make stale are recorded in the same transaction and dropped when Redis is back).
 */
@Service
public class CommentDirectWriter extends SynchronousPath<CommentChangedEvent> {

    @DubboReference(providedBy = "douyin-video", check = false)
    private CommentChangeSink videoCounters;

    private final CommentRowWriter rows;
    private final CommentMapper comments;
    private final RedisOutage outage;

    public CommentDirectWriter(CommentRowWriter rows, CommentMapper comments, RedisOutage outage,
                               JdbcTemplate jdbc, TransactionTemplate transaction) {
        super(jdbc, transaction, "comment_outbox", CommentChangedEvent.class);
        this.rows = rows;
        this.comments = comments;
        this.outage = outage;
    }

    public void addInMysql(CommentDTO comment) {
        write(() -> {
            outage.markStale(staleKeys(comment.videoId()));
            return new CommentChangedEvent(comment, +1);
        });
    }

    /** Deletes the visible comment if {@code mayDelete} accepts it; returns it, or null if there was none. */
    public CommentDTO deleteInMysql(long videoId, long commentId, Consumer<CommentDTO> mayDelete) {
        CommentChangedEvent deleted = write(() -> {
            CommentDTO comment = comments.lockVisible(videoId, commentId);
            if (comment == null) {
                return null;
            }
            mayDelete.accept(comment);
            outage.markStale(staleKeys(videoId));
            return new CommentChangedEvent(comment, -1);
        });
        return deleted == null ? null : deleted.comment();
    }

    private static List<String> staleKeys(long videoId) {
        return List.of(VideoComments.setKey(videoId), CachedEntity.VIDEO.countersKey(videoId));
    }

    @Override
    protected String keyOf(CommentChangedEvent change) {
        return change.eventKey();
    }

    @Override
    protected void storeOwnRows(CommentChangedEvent change) {
        rows.store(List.of(change));
    }

    @Override
    protected void applyElsewhere(CommentChangedEvent change) {
        videoCounters.apply(change);
    }
}
