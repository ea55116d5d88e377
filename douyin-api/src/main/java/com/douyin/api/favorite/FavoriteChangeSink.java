package com.douyin.api.favorite;

import com.douyin.api.event.FavoriteChangedEvent;

/**
 * A provider that keeps counters moved by likes (video: favorite_count; user: favorite_count
 * and total_favorited). Normally the changes reach it through RocketMQ; this is the synchronous
 * path the favorite provider takes when the broker is unavailable. Applying the same change
 * twice, by either path, counts it once.
 * One change per call: the synchronous path is the rare one.
 */
public interface FavoriteChangeSink {

    void apply(FavoriteChangedEvent change);
}
