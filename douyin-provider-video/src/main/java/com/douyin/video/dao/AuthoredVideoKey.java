package com.douyin.video.dao;

import com.douyin.api.common.PageCursor;
import java.util.Comparator;

/** A video's ID, author and publish time: what the following feed merges, from idx_video_author alone. */
public record AuthoredVideoKey(long id, long authorId, long publishedAt) {

    /** Newest first by (publish time, ID), the feed's order. */
    public static final Comparator<AuthoredVideoKey> NEWEST_FIRST =
            Comparator.comparingLong(AuthoredVideoKey::publishedAt).thenComparingLong(AuthoredVideoKey::id).reversed();

    /** Where it stands in the feed: a page that ends with it goes on from here. */
    public PageCursor position() {
        return new PageCursor(publishedAt, id);
    }

    public VideoKey key() {
        return new VideoKey(id, publishedAt);
    }
}
