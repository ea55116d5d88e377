package com.douyin.video.rpc;

import com.douyin.api.comment.CommentChangeSink;
import com.douyin.api.event.CommentChangedEvent;
import com.douyin.video.service.VideoCounterService;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboService;

/** Comments into video.comment_count when they cannot come through RocketMQ. */
@DubboService
public class CommentChangeSinkRpc implements CommentChangeSink {

    private final VideoCounterService counters;

    public CommentChangeSinkRpc(VideoCounterService counters) {
        this.counters = counters;
    }

    @Override
    public void apply(CommentChangedEvent change) {
        counters.applyCommentChanges(List.of(change));
    }
}
