package com.douyin.api.comment;

import com.douyin.api.event.CommentChangedEvent;

/**
 * The video provider's comment_count, reached directly: normally comment changes arrive
 * through RocketMQ; this is the synchronous path the comment provider takes when the broker is
 * unavailable. Applying the same change twice, by either path, counts it once.
 */
public interface CommentChangeSink {

    void apply(CommentChangedEvent change);
}
