package com.douyin.api.event;

import java.io.Serializable;

/** A video was recorded; sent only once its row is committed (a RocketMQ transactional message). */
public record VideoPublishedEvent(long videoId, long authorId, long publishedAt) implements KeyedEvent, Serializable {

    /** The key consumers deduplicate on. */
    @Override
    public String eventKey() {
        return "video-published:" + videoId;
    }
}
