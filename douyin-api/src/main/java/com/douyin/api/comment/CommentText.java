package com.douyin.api.comment;

import com.douyin.api.common.ErrorCode;
import com.douyin.api.common.TextRule;

/** The rule for comment text, checked by the gateway and by the comment provider. */
public final class CommentText {

    public static final TextRule RULE = new TextRule(1, 500, ErrorCode.COMMENT_INVALID);

    private CommentText() {
    }
}
