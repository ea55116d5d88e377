package com.douyin.video.following;

import com.douyin.api.event.Topics;
import com.douyin.api.event.VideoPublishedEvent;
import com.douyin.common.mq.BatchEventConsumer;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Publishes into followers' inboxes, from the video-published event in its own group; a batch that fails comes again. */
@Component
public class InboxPushConsumer extends BatchEventConsumer<VideoPublishedEvent> {

    /** A publish may fan out to hundreds of inboxes: small batches, so a redelivery repeats little. */
    private static final int BATCH = 16;

    private final InboxPusher pusher;

    public InboxPushConsumer(InboxPusher pusher, @Value("${rocketmq.name-server}") String nameServer,
                             @Value("${douyin.feed.inbox-group:douyin-video-inbox}") String group) {
        super(nameServer, group, Topics.VIDEO_PUBLISHED, VideoPublishedEvent.class, BATCH);
        this.pusher = pusher;
    }

    @Override
    protected void consume(List<VideoPublishedEvent> events) {
        events.forEach(pusher::push);
    }
}
