package com.douyin.video.dao;

import com.douyin.api.common.PageCursor;

/** A video's ID and publish time: what the feed index alone answers (no row lookup). */
public record VideoKey(long id, long publishedAt) {

    /** Where it stands in a list newest first: a page that ends with it goes on from here. */
    public PageCursor position() {
        return new PageCursor(publishedAt, id);
    }
}
