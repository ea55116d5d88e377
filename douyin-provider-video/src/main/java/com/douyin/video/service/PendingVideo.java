package com.douyin.video.service;

/**
 * A video to insert inside the RocketMQ local transaction, and what came of it: the listener
 * runs on the publishing thread, and a failure it records is rethrown to the caller.
 */
public final class PendingVideo {

    private final long id;
    private final long authorId;
    private final String title;
    private final String titleTerms;
    private final String topic;
    private final String playKey;
    private final long publishedAt;
    private RuntimeException failure;
    private boolean duplicate;

    PendingVideo(long id, long authorId, String title, String titleTerms, String topic, String playKey, long publishedAt) {
        this.id = id;
        this.authorId = authorId;
        this.title = title;
        this.titleTerms = titleTerms;
        this.topic = topic;
        this.playKey = playKey;
        this.publishedAt = publishedAt;
    }

    public long id() { return id; }
    public long authorId() { return authorId; }
    public String title() { return title; }
    public String titleTerms() { return titleTerms; }
    public String topic() { return topic; }
    public String playKey() { return playKey; }
    public long publishedAt() { return publishedAt; }

    public void failed(RuntimeException e) {
        this.failure = e;
    }

    RuntimeException failure() {
        return failure;
    }

    /** The file was published already (by an earlier attempt of the same request). */
    public void duplicated() {
        this.duplicate = true;
    }

    boolean duplicate() {
        return duplicate;
    }
}
