package com.douyin.video.mq;

import com.douyin.api.event.Topics;
import com.douyin.api.event.VideoPublishedEvent;
import com.douyin.video.cover.CoverService;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.springframework.stereotype.Component;

/**
 * Makes the cover after the publish has answered (the client sees a placeholder until then).
 * It listens to the same video-published event as the user provider, in its own group. A
 * storage failure is thrown so RocketMQ redelivers; an undecodable file is not retried.
 */
@Component
@RocketMQMessageListener(topic = Topics.VIDEO_PUBLISHED, consumerGroup = "${douyin.video.cover-group:douyin-video-cover}")
public class CoverConsumer implements RocketMQListener<VideoPublishedEvent> {

    private final CoverService covers;

    public CoverConsumer(CoverService covers) {
        this.covers = covers;
    }

    @Override
    public void onMessage(VideoPublishedEvent event) {
        try {
            covers.makeCover(event.videoId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
