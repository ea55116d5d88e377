package com.douyin.api.event;

/** A video was recorded; sent only once its row is committed (a RocketMQ transactional message). */
public record VideoPublishedEvent(long videoId, long authorId, long publishedAt) {

    /** The key consumers deduplicate on. */
    public String eventKey() {
        return "video-published:" + videoId;
    }
}
