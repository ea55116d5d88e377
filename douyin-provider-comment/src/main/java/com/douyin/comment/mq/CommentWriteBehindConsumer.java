package com.douyin.comment.mq;

import com.douyin.api.event.CommentChangedEvent;
import com.douyin.api.event.Topics;
import com.douyin.comment.service.CommentRowWriter;
import com.douyin.common.mq.BatchEventConsumer;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Added and deleted comments, in batches, into the comment table. */
@Component
public class CommentWriteBehindConsumer extends BatchEventConsumer<CommentChangedEvent> {

    private final CommentRowWriter rows;

    public CommentWriteBehindConsumer(CommentRowWriter rows,
                                      @Value("${rocketmq.name-server}") String nameServer,
                                      @Value("${douyin.comment.write-behind-group:douyin-comment-write-behind}") String group) {
        super(nameServer, group, Topics.COMMENT, CommentChangedEvent.class, MAX_BATCH);
        this.rows = rows;
    }

    @Override
    protected void consume(List<CommentChangedEvent> events) {
        rows.store(events);
    }
}
