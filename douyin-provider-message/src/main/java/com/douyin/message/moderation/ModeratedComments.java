package com.douyin.message.moderation;

/** The comment provider's side of moderation. */
public interface ModeratedComments {

    /** Masks the comment (CommentService#mask); false while its row is not written yet. */
    boolean mask(long videoId, long commentId);
}
