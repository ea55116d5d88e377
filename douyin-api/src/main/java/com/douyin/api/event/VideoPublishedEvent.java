package com.douyin.api.event;

import java.io.Serializable;

/** A video was recorded; sent only once its row is committed (a RocketMQ transactional message). */
public record VideoPublishedEvent(long videoId, long authorId, long publishedAt) implements Serializable {

    /** The key consumers deduplicate on. */
    public String eventKey() {
        return "video-published:" + videoId;
    }
}
