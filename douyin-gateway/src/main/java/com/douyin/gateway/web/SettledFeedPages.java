package com.douyin.gateway.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Which videos a feed page holds, for pages that end well in the past: a video is published
 * "now", so the videos published before a time a minute ago never change (there is no delete),
 * and such a page's IDs are kept here (a few MB for 100,000 pages) while its videos come from
 * {@link FeedEntries}. Pages nearer now ask the video provider every time.
 */
@Component
class SettledFeedPages {

    /** A page asked for "before" a time older than this is settled (a publish commits well within it). */
    static final long SETTLED_AFTER_MS = 60_000;
    private static final int MAX_PAGES = 100_000;

    /** A page: of a topic ("" every video), after a position (a time, or a cursor), in the client's time unit. */
    private record Key(String topic, FeedTime time) {
    }

    /** The page's video IDs, newest first, and the next_time and next_cursor it answers. */
    record Page(List<Long> videoIds, long nextTime, String nextCursor) {
    }

    private final Cache<Key, Page> pages = Caffeine.newBuilder().maximumSize(MAX_PAGES)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    static boolean isSettled(FeedTime time, long nowMs) {
        return time.beforeMs() < nowMs - SETTLED_AFTER_MS;
    }

    /** The settled page {@code time} asks for if it is held here, else null. */
    Page getIfPresent(String topic, FeedTime time) {
        return pages.getIfPresent(new Key(topic, time));
    }

    /** The settled page {@code time} asks for: {@code load} only the first time. */
    Page get(String topic, FeedTime time, Supplier<Page> load) {
        return pages.get(new Key(topic, time), key -> load.get());
    }
}
