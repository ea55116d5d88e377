package com.douyin.comment.service;

import com.douyin.comment.cache.VideoComments;
import com.douyin.comment.dao.CommentMapper;
import org.springframework.stereotype.Service;

/**
 * Masks a comment the assistant's moderation judged abusive: its row first, then the video's
 * cached set. A comment whose row is not written yet (its add is still on its way to MySQL) is
 * left as it is, and the caller asks again later: masked only in Redis, it would come back from
 * the row the next time the set is loaded.
 */
@Service
public class CommentModeration {

    private final CommentMapper rows;
    private final VideoComments comments;

    public CommentModeration(CommentMapper rows, VideoComments comments) {
        this.rows = rows;
        this.comments = comments;
    }

    /** False while the comment's row is not written. */
    public boolean mask(long videoId, long commentId) {
        if (rows.maskContent(videoId, commentId) == 0) {
            return false;
        }
        comments.maskContent(videoId, commentId);
        return true;
    }
}
