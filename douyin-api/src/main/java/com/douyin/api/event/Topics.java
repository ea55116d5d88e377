package com.douyin.api.event;

/** RocketMQ topics between providers (created up front by ./douyin; see its TOPICS). */
public final class Topics {

    /** {@link VideoPublishedEvent}: the video provider tells the user provider to count a work. */
    public static final String VIDEO_PUBLISHED = "douyin-video-published";

    private Topics() {
    }
}
