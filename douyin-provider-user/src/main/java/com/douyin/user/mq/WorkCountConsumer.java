package com.douyin.user.mq;

import com.douyin.api.event.Topics;
import com.douyin.api.event.VideoPublishedEvent;
import com.douyin.user.service.UserCounterService;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.springframework.stereotype.Component;

/** Counts each published video in its author's work_count. A failure is redelivered by RocketMQ. */
@Component
@RocketMQMessageListener(topic = Topics.VIDEO_PUBLISHED, consumerGroup = "${douyin.user.work-count-group:douyin-user-work-count}")
public class WorkCountConsumer implements RocketMQListener<VideoPublishedEvent> {

    private final UserCounterService counters;

    public WorkCountConsumer(UserCounterService counters) {
        this.counters = counters;
    }

    @Override
    public void onMessage(VideoPublishedEvent event) {
        counters.countPublishedVideo(event);
    }
}
