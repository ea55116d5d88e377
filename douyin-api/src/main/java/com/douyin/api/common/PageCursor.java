package com.douyin.api.common;

import java.io.Serializable;

/**
 * A position in a newest-first list: the (time, id) of the last item a page held. The next page
 * holds what follows it, items older than {@code time} or of that time with a smaller {@code id},
 * so items added meanwhile (at the top) neither shift nor repeat what the next page holds, as
 * they would with an offset. Clients get it as an opaque string ({@link #text}) and send it back
 * as it is.
 */
public record PageCursor(long time, long id) implements Serializable {

    private static final String INVALID = "The cursor is not one this server gave out: send next_cursor back as it was, or none for the first page.";

    /** Whether an item at ({@code itemTime}, {@code itemId}) comes after this position, newest first. */
    public boolean isFollowedBy(long itemTime, long itemId) {
        return itemTime < time || (itemTime == time && itemId < id);
    }

    /** As clients get it ({@code next_cursor}). */
    public String text() {
        return time + "-" + id;
    }

    /** {@code next_cursor} of a page after which {@code next} begins: "" when nothing follows. */
    public static String textOf(PageCursor next) {
        return next == null ? "" : next.text();
    }

    /** A cursor as a client sent it back; null when there is none (missing or blank): the first page. */
    public static PageCursor parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        int dash = value.indexOf('-');
        if (dash <= 0 || dash == value.length() - 1 || !isDigits(value, 0, dash) || !isDigits(value, dash + 1, value.length())) {
            throw new DouyinException(ErrorCode.BAD_REQUEST, INVALID);
        }
        try {
            return new PageCursor(Long.parseLong(value, 0, dash, 10), Long.parseLong(value, dash + 1, value.length(), 10));
        } catch (NumberFormatException tooLarge) {
            throw new DouyinException(ErrorCode.BAD_REQUEST, INVALID);
        }
    }

    private static boolean isDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
