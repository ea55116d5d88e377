package com.douyin.gateway.web;

import com.douyin.api.common.PageCursor;

/**
 * Where a feed page starts: strictly after ({@code beforeMs}, {@code beforeId}) in (publish time,
 * ID) order, newest first. The stock client sends {@code latest_time}, documented in seconds, sent
 * in milliseconds by the app: a value above 10^11 is milliseconds, otherwise seconds; missing or 0
 * means now (answered in milliseconds); the page is what was published strictly before it
 * ({@code beforeId} 0). A client of the extension sends {@code cursor} (next_cursor of the page it
 * holds), the exact position, and {@code latest_time} then only says its unit. {@code next_time}
 * is answered in the unit the client used.
 */
record FeedTime(long beforeMs, long beforeId, long unitMs) {

    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    static FeedTime of(Long latestTime, long nowMs) {
        if (latestTime == null || latestTime <= 0) {
            return new FeedTime(nowMs, 0, 1);
        }
        if (latestTime > MILLIS_THRESHOLD) {
            return new FeedTime(latestTime, 0, 1);
        }
        return new FeedTime(Math.multiplyExact(latestTime, 1000L), 0, 1000);
    }

    /** {@code cursor}: null when the client sent none. */
    static FeedTime of(Long latestTime, PageCursor cursor, long nowMs) {
        FeedTime asked = of(latestTime, nowMs);
        return cursor == null ? asked : new FeedTime(cursor.time(), cursor.id(), asked.unitMs());
    }

    PageCursor position() {
        return new PageCursor(beforeMs, beforeId);
    }

    long inClientUnit(long epochMs) {
        return epochMs / unitMs;
    }
}
