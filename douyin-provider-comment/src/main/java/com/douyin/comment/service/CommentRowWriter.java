package com.douyin.comment.service;

import com.douyin.api.comment.CommentDTO;
import com.douyin.api.event.CommentChangedEvent;
import com.douyin.comment.dao.CommentMapper;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores comment changes, a batch in at most two statements. Idempotent and order-proof: an
 * add never revives a deleted row, and a delete that arrives before its add stores the row
 * deleted.
 */
@Service
public class CommentRowWriter {

    private final CommentMapper comments;
    private final TransactionTemplate transaction;

    public CommentRowWriter(CommentMapper comments, TransactionTemplate transaction) {
        this.comments = comments;
        this.transaction = transaction;
    }

    public void store(List<CommentChangedEvent> changes) {
        List<CommentDTO> added = changes.stream().filter(CommentChangedEvent::added).map(CommentChangedEvent::comment).toList();
        List<CommentDTO> deleted = changes.stream().filter(c -> !c.added()).map(CommentChangedEvent::comment).toList();
        transaction.executeWithoutResult(status -> {
            if (!added.isEmpty()) {
                comments.insertAdded(added);
            }
            if (!deleted.isEmpty()) {
                comments.upsertDeleted(deleted);
            }
        });
    }
}
