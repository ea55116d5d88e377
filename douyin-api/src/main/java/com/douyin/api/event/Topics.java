package com.douyin.api.event;

/** RocketMQ topics between providers (created up front by ./douyin; see its TOPICS). */
public final class Topics {

    /** {@link VideoPublishedEvent}: the video provider tells the user provider to count a work. */
    public static final String VIDEO_PUBLISHED = "douyin-video-published";

    /** {@link FavoriteChangedEvent}: the favorite provider's write-behind, and the video and user counters. */
    public static final String FAVORITE = "douyin-favorite";

    /** {@link CommentChangedEvent}: the comment provider's write-behind, and video.comment_count. */
    public static final String COMMENT = "douyin-comment";

    /** {@link FollowChangedEvent}: the relation provider's write-behind, and the users' follow counters. */
    public static final String RELATION = "douyin-relation";

    private Topics() {
    }
}
