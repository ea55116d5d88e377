package com.douyin.video.mq;

import com.douyin.api.event.Topics;
import com.douyin.api.event.VideoPublishedEvent;
import com.douyin.video.watermark.WatermarkService;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Makes the watermarked copy after the publish has answered (the original plays until then), from
 * the video-published event in its own group, beside the cover's. A storage failure is thrown so
 * RocketMQ redelivers; a file that cannot be watermarked is not retried. Off with {@code
 * douyin.video.watermark.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "douyin.video.watermark.enabled", havingValue = "true", matchIfMissing = true)
// One copy at a time: re-encoding takes a core, and the feed is served from the same two.
@RocketMQMessageListener(topic = Topics.VIDEO_PUBLISHED, consumerGroup = "${douyin.video.watermark-group:douyin-video-watermark}",
        consumeThreadNumber = 1)
public class WatermarkConsumer implements RocketMQListener<VideoPublishedEvent> {

    private final WatermarkService watermarks;

    public WatermarkConsumer(WatermarkService watermarks) {
        this.watermarks = watermarks;
    }

    @Override
    public void onMessage(VideoPublishedEvent event) {
        try {
            watermarks.watermark(event.videoId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
