package com.douyin.video.service;

import com.douyin.video.dao.VideoKey;
import java.util.List;

/**
 * Cuts a page of the feed, read newest first by (publish time, ID) after a position. The stock
 * client asks for the next page "strictly before the oldest one's time" in its unit (seconds or
 * milliseconds), so a page does not end inside a group of videos that share a publish time at
 * that unit: the client would skip the rest of the group. A page that is one such group whole
 * cannot be cut so and goes out as it is; from inside it, only the cursor of its oldest
 * (publish time, ID) goes on (the feed's {@code cursor}), and that one never skips anything.
 */
public final class FeedPager {

    /** The most videos a page of any feed holds. */
    public static final int MAX_PAGE = 30;

    private FeedPager() {
    }

    /** The size of a page asked for {@code limit} videos: 1 to {@link #MAX_PAGE}. */
    public static int size(int limit) {
        return Math.max(1, Math.min(limit, MAX_PAGE));
    }

    /** {@code rows}: up to limit + 1 rows, newest first. */
    public static List<VideoKey> page(List<VideoKey> rows, int limit, long unitMs) {
        if (rows.size() <= limit) {
            return rows;
        }
        long firstLeftOut = rows.get(limit).publishedAt() / unitMs;
        int end = limit;
        while (end > 0 && rows.get(end - 1).publishedAt() / unitMs == firstLeftOut) {
            end--;
        }
        // A whole page in one instant cannot be cut without returning nothing: return it as it is.
        return end == 0 ? rows.subList(0, limit) : rows.subList(0, end);
    }
}
