package com.douyin.api.event;

import com.douyin.api.comment.CommentDTO;
import java.io.Serializable;

/**
 * A comment or reply added ({@code delta} +1) or deleted (-1, and minus each visible reply that a
 * deleted top-level comment hides with it); sent only when the change happened, so consumers may
 * sum deltas into video.comment_count, which counts every visible comment and reply. It carries
 * the whole comment, so a delete that overtakes its add still leaves the row deleted.
 */
public record CommentChangedEvent(CommentDTO comment, int delta) implements KeyedEvent, Serializable {

    public boolean added() {
        return delta > 0;
    }

    /** The key consumers deduplicate on. */
    @Override
    public String eventKey() {
        return "comment:" + comment.id() + (added() ? ":add" : ":delete");
    }
}
