package com.douyin.api.video;

import com.douyin.api.common.ErrorCode;
import com.douyin.api.common.TextRule;

/** The rule for titles, checked by the gateway before it stores a file and by the provider that owns it. */
public final class VideoTitle {

    public static final TextRule RULE = new TextRule(1, 100, ErrorCode.TITLE_INVALID);

    private VideoTitle() {
    }

    public static String normalize(String raw) {
        return RULE.normalize(raw);
    }
}
