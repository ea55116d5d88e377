package com.douyin.gateway.web;

import com.douyin.gateway.json.FeedResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The first page of the feed, and of each topic's feed, shared by all viewers for about a second. Most feed requests ask
 * for it (the app opens on it, often without a token), so under load the providers see one
 * request per second for it, and concurrent misses wait for one load instead of all loading.
 * A video published within the last second may show up a second late. Per-viewer fields
 * (is_favorite, is_follow) must be applied to a copy after this cache, never stored in it. The
 * page is kept with its JSON too, so an anonymous request costs no serialization of 18 KB. A
 * request with a cursor (the extension) never asks for the first page.
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

    /** A page, and its JSON as the client gets it when it is shared (null otherwise). */
    record Page(FeedResponse response, byte[] json) {
    }

    private final Cache<Head, Page> pages;
    private final boolean enabled;
    private final ObjectMapper clientJson;

    /** {@code clientJson}: Spring's mapper, which writes the client's snake_case. */
    FeedHeadCache(@Value("${douyin.gateway.feed-head-ttl:1s}") Duration ttl, @Qualifier("jacksonObjectMapper") ObjectMapper clientJson) {
        this.enabled = !ttl.isZero();
        this.clientJson = clientJson;
        this.pages = Caffeine.newBuilder().expireAfterWrite(enabled ? ttl : Duration.ofMillis(1)).maximumSize(MAX_PAGES).build();
    }

    /** {@code topic}: as normalized ("" for every video); a failed load (an unknown topic) is not kept. */
    Page get(String topic, FeedTime time, long nowMs, Supplier<FeedResponse> load) {
        if (!enabled || time.beforeId() != 0 || time.beforeMs() < nowMs - HEAD_WINDOW_MS) {
            return new Page(load.get(), null);
        }
        return pages.get(new Head(topic, time.unitMs()), head -> withJson(load.get()));
    }

    private Page withJson(FeedResponse response) {
        try {
            return new Page(response, clientJson.writeValueAsBytes(response));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A feed page could not be written as JSON", e);
        }
    }
}
