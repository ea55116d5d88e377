package com.douyin.api.video;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;

/** The rule for titles (1-100 characters after trimming), checked by the gateway before it stores a file and by the provider that owns it. */
public final class VideoTitle {

    public static final int MAX_LENGTH = 100;

    private VideoTitle() {
    }

    public static String normalize(String raw) {
        String title = raw == null ? "" : raw.strip();
        int length = title.codePointCount(0, title.length());
        if (length < 1 || length > MAX_LENGTH) {
            throw new DouyinException(ErrorCode.TITLE_INVALID);
        }
        return title;
    }
}
