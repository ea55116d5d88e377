package com.douyin.comment.service;

import com.douyin.api.comment.CommentChangeSink;
import com.douyin.api.comment.CommentDTO;
import com.douyin.api.event.CommentChangedEvent;
import com.douyin.comment.cache.VideoComments;
import com.douyin.comment.dao.CommentMapper;
import com.douyin.api.cache.CachedEntity;
import com.douyin.writebehind.SynchronousPath;
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
 * There, replies and deletes lock the top-level comment's row, as the Redis path's Lua steps
 * make a reply and the deletion of its thread exclude each other.
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

    /**
     * Stores the comment; a reply ({@code parentId} as asked) joins the thread of the top-level
     * comment, locked meanwhile so that it cannot be deleted in between. Returns the stored
     * comment, or null (nothing stored) if what it replies to is not visible.
     */
    public CommentDTO addInMysql(CommentDTO comment) {
        CommentChangedEvent added = write(() -> {
            CommentDTO stored = comment;
            if (comment.parentId() != 0) {
                CommentDTO thread = lockVisible(comment.videoId(), comment.parentId());
                if (thread != null && thread.parentId() != 0) {
                    thread = lockVisible(comment.videoId(), thread.parentId());
                }
                if (thread == null) {
                    return null;
                }
                stored = new CommentDTO(comment.id(), comment.videoId(), comment.userId(), thread.id(), comment.content(), comment.createdAt());
            }
            outage.markStale(staleKeys(comment.videoId()));
            return new CommentChangedEvent(stored, +1);
        });
        return added == null ? null : added.comment();
    }

    /**
     * Deletes the visible comment if {@code mayDelete} accepts it, and hides its replies with it
     * (the count moves by all of them); returns it, or null if there was none.
     */
    public CommentDTO deleteInMysql(long videoId, long commentId, Consumer<CommentDTO> mayDelete) {
        CommentChangedEvent deleted = write(() -> {
            CommentDTO comment = lockVisible(videoId, commentId);
            if (comment == null) {
                return null;
            }
            mayDelete.accept(comment);
            outage.markStale(staleKeys(videoId));
            // Read after the lock: a reply added before it is counted, none can be added after it.
            long replies = comment.parentId() == 0 ? comments.countUndeletedReplies(commentId) : 0;
            return new CommentChangedEvent(comment, -1 - Math.toIntExact(replies));
        });
        return deleted == null ? null : deleted.comment();
    }

    /** The comment, locked, if it is visible: its row not deleted and, a reply, its thread's row neither. */
    private CommentDTO lockVisible(long videoId, long commentId) {
        CommentDTO comment = comments.lockUndeleted(videoId, commentId);
        if (comment != null && comment.parentId() != 0 && comments.lockUndeleted(videoId, comment.parentId()) == null) {
            return null;
        }
        return comment;
    }

    private static List<String> staleKeys(long videoId) {
        return List.of(VideoComments.setKey(videoId), CachedEntity.VIDEO.countersKey(videoId));
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
