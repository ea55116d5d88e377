package com.douyin.api.message;

import com.douyin.api.common.ErrorCode;
import com.douyin.api.common.TextRule;

/** The rule for chat message text, checked by the gateway and by the message provider. */
public final class MessageText {

    public static final TextRule RULE = new TextRule(1, 1000, ErrorCode.MESSAGE_INVALID);

    private MessageText() {
    }
}
