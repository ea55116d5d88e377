package com.douyin.gateway.web;

import com.douyin.gateway.json.FeedResponse;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The first page of the feed, and of each topic's feed, shared by all viewers for about a second. Most feed requests ask
 * for it (the app opens on it, often without a token), so under load the providers see one
 * request per second for it, and concurrent misses wait for one load instead of all loading.
 * A video published within the last second may show up a second late. Per-viewer fields
 * (is_favorite, is_follow) must be applied to a copy after this cache, never stored in it.
 */
@Component
class FeedHeadCache {

    /** A feed request "before" a time this close to now asks for the first page. */
    private static final long HEAD_WINDOW_MS = 1_000;

    /** The whole feed and each topic's: the client's two time units each; topics are a short configured list. */
    private static final int MAX_PAGES = 64;

    /** A first page: of a topic ("" every video), in the client's time unit (ms or s). */
    private record Head(String topic, long unitMs) {
    }

    private final Cache<Head, FeedResponse> pages;
    private final boolean enabled;

    FeedHeadCache(@Value("${douyin.gateway.feed-head-ttl:1s}") Duration ttl) {
        this.enabled = !ttl.isZero();
        this.pages = Caffeine.newBuilder().expireAfterWrite(enabled ? ttl : Duration.ofMillis(1)).maximumSize(MAX_PAGES).build();
    }

    /** {@code topic}: as normalized ("" for every video); a failed load (an unknown topic) is not kept. */
    FeedResponse get(String topic, FeedTime time, long nowMs, Supplier<FeedResponse> load) {
        if (!enabled || time.beforeMs() < nowMs - HEAD_WINDOW_MS) {
            return load.get();
        }
        return pages.get(new Head(topic, time.unitMs()), head -> load.get());
    }
}
