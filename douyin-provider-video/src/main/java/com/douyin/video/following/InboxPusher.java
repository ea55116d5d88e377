package com.douyin.video.following;

import com.douyin.api.event.VideoPublishedEvent;
import com.douyin.video.dao.AuthoredVideoKey;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes a publish into the inboxes of its author's followers, or, for an author with at least
 * {@code douyin.feed.push-threshold} followers, marks the author as read at read time
 * ({@link PulledAuthors}): one write per follower is cheap for hundreds, not for millions.
 * Repeating a push changes nothing (a redelivered event).
 */
@Component
public class InboxPusher {

    private final FollowGraph graph;
    private final FollowingInboxes inboxes;
    private final PulledAuthors pulledAuthors;
    private final int threshold;

    public InboxPusher(FollowGraph graph, FollowingInboxes inboxes, PulledAuthors pulledAuthors,
                       @Value("${douyin.feed.push-threshold:1000}") int threshold) {
        this.graph = graph;
        this.inboxes = inboxes;
        this.pulledAuthors = pulledAuthors;
        this.threshold = threshold;
    }

    public void push(VideoPublishedEvent published) {
        if (pulledAuthors.contains(published.authorId())) {
            return;
        }
        List<Long> followers = graph.followers(published.authorId(), threshold);
        if (followers.size() >= threshold) {
            pulledAuthors.add(published.authorId());
        } else if (!followers.isEmpty()) {
            inboxes.push(followers, new AuthoredVideoKey(published.videoId(), published.authorId(), published.publishedAt()));
        }
    }
}
