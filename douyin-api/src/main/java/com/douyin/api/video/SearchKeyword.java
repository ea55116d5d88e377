package com.douyin.api.video;

import com.douyin.api.common.ErrorCode;
import com.douyin.api.common.TextRule;

/** The rule for search keywords, checked by the gateway and by the provider that searches. */
public final class SearchKeyword {

    public static final TextRule RULE = new TextRule(1, 100, ErrorCode.KEYWORD_INVALID);

    private SearchKeyword() {
    }

    public static String normalize(String raw) {
        return RULE.normalize(raw);
    }
}
