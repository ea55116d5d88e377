package com.douyin.video.service;

import com.douyin.video.dao.VideoKey;
import java.util.List;

/**
 * Cuts a page of the feed so that the next request ("strictly before the oldest one's time",
 * in the client's unit: seconds or milliseconds) skips nothing: a page never ends inside a
 * group of videos that share a publish time at that resolution.
 */
final class FeedPager {

    private FeedPager() {
    }

    /** {@code rows}: up to limit + 1 rows, newest first. */
    static List<VideoKey> page(List<VideoKey> rows, int limit, long unitMs) {
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
