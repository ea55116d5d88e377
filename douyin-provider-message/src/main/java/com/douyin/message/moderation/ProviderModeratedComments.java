package com.douyin.message.moderation;

import com.douyin.api.comment.CommentService;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.stereotype.Component;

/** {@link ModeratedComments} through the comment provider. */
@Component
class ProviderModeratedComments implements ModeratedComments {

    @DubboReference(providedBy = "douyin-comment", check = false)
    private CommentService comments;

    @Override
    public boolean mask(long videoId, long commentId) {
        return comments.mask(videoId, commentId);
    }
}
