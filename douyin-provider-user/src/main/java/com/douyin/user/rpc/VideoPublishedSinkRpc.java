package com.douyin.user.rpc;

import com.douyin.api.event.VideoPublishedEvent;
import com.douyin.api.video.VideoPublishedSink;
import com.douyin.user.service.UserCounterService;
import org.apache.dubbo.config.annotation.DubboService;

/** A publish into its author's work_count when it cannot come through RocketMQ (a Seata branch). */
@DubboService
public class VideoPublishedSinkRpc implements VideoPublishedSink {

    private final UserCounterService counters;

    public VideoPublishedSinkRpc(UserCounterService counters) {
        this.counters = counters;
    }

    @Override
    public void apply(VideoPublishedEvent event) {
        counters.countPublishedVideoInPublish(event);
    }
}
