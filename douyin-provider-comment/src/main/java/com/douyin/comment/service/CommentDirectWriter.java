package com.douyin.comment.service;

import com.douyin.api.comment.CommentChangeSink;
import com.douyin.api.event.CommentChangedEvent;
import com.douyin.common.mq.SynchronousPath;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The synchronous path of a comment change, for when the broker is unavailable: the comment
 * row and a {@code comment_outbox} entry commit together, then the video provider applies
 * comment_count over Dubbo ({@link CommentChangeSink}); see {@link SynchronousPath}.
 */
@Service
public class CommentDirectWriter extends SynchronousPath<CommentChangedEvent> {

    @DubboReference(providedBy = "douyin-video", check = false)
    private CommentChangeSink videoCounters;

    private final CommentRowWriter rows;

    public CommentDirectWriter(CommentRowWriter rows, JdbcTemplate jdbc, TransactionTemplate transaction) {
        super(jdbc, transaction, "comment_outbox", CommentChangedEvent.class);
        this.rows = rows;
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
