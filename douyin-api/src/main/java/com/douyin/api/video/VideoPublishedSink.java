package com.douyin.api.video;

import com.douyin.api.event.VideoPublishedEvent;

/**
 * The user provider's work_count. Normally a publish reaches it through RocketMQ (a
 * transactional message); when the broker is unavailable the video provider calls this inside
 * a Seata global transaction with its own insert, so the video and the count commit or roll
 * back together. Fails (USER_NOT_FOUND) if the author has no row: that rolls the publish back.
 */
public interface VideoPublishedSink {

    void apply(VideoPublishedEvent event);
}
