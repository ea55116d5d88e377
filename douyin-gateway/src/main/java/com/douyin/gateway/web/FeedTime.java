package com.douyin.gateway.web;

/**
 * The feed's {@code latest_time}: documented in seconds, sent in milliseconds by the app.
 * A value above 10^11 is milliseconds, otherwise seconds; missing or 0 means now (answered in
 * milliseconds). {@code next_time} is answered in the unit the client used.
 */
record FeedTime(long beforeMs, long unitMs) {

    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    static FeedTime of(Long latestTime, long nowMs) {
        if (latestTime == null || latestTime <= 0) {
            return new FeedTime(nowMs, 1);
        }
        if (latestTime > MILLIS_THRESHOLD) {
            return new FeedTime(latestTime, 1);
        }
        return new FeedTime(Math.multiplyExact(latestTime, 1000L), 1000);
    }

    long inClientUnit(long epochMs) {
        return epochMs / unitMs;
    }
}
