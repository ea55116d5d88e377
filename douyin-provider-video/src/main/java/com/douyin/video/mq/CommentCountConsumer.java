package com.douyin.video.mq;

import com.douyin.api.event.CommentChangedEvent;
import com.douyin.api.event.Topics;
import com.douyin.common.mq.BatchEventConsumer;
import com.douyin.video.service.VideoCounterService;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Added and deleted comments, in batches, into video.comment_count. */
@Component
public class CommentCountConsumer extends BatchEventConsumer<CommentChangedEvent> {

    private final VideoCounterService counters;

    public CommentCountConsumer(VideoCounterService counters,
                                 @Value("${rocketmq.name-server}") String nameServer,
                                 @Value("${douyin.video.comment-count-group:douyin-video-comment-count}") String group) {
        super(nameServer, group, Topics.COMMENT, CommentChangedEvent.class, MAX_BATCH);
        this.counters = counters;
    }

    @Override
    protected void consume(List<CommentChangedEvent> events) {
        counters.applyCommentChanges(events);
    }
}
