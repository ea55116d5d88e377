package com.douyin.gateway.web;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.common.Paging;

/**
 * The recommended feed's {@code cursor}: for nobody, where the next page starts in the shared
 * ranking ({@code r} and a number); a logged-in viewer's pages follow one another by themselves,
 * so theirs only says that more follows ({@code r0}, ignored when sent back).
 */
final class RecommendedCursor {

    private RecommendedCursor() {
    }

    static String after(int offset) {
        return "r" + offset;
    }

    /** 0 when missing or empty; a cursor this server did not give out fails with 10001. */
    static int offset(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        String raw = cursor.strip();
        if (raw.length() > 1 && raw.charAt(0) == 'r' && raw.length() <= 6 && raw.substring(1).chars().allMatch(Character::isDigit)) {
            int offset = Integer.parseInt(raw.substring(1));
            if (offset <= Paging.MAX_OFFSET) { // as far as any offset goes
                return offset;
            }
        }
        throw new DouyinException(ErrorCode.BAD_REQUEST, "The cursor is not one this server gave out: send next_cursor back as it was, or none for the first page.");
    }
}
