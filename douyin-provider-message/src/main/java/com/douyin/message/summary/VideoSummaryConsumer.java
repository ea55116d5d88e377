package com.douyin.message.summary;

import com.douyin.api.event.Topics;
import com.douyin.api.event.VideoPublishedEvent;
import com.douyin.message.assistant.AssistantModelConfigured;
import com.douyin.message.assistant.ModelWork;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Describes each published video ({@link VideoSummaries}) from the video-published event, in a
 * group of its own; a model or provider that cannot be reached is thrown, so RocketMQ delivers the
 * event again later. Made only when the assistant's model is configured (with none, no video is
 * described and the provider runs no consumer of the broker); off with {@code
 * douyin.assistant.video-summaries.enabled=false}.
 */
@Component
@Conditional(AssistantModelConfigured.class)
@ConditionalOnProperty(name = "douyin.assistant.video-summaries.enabled", havingValue = "true", matchIfMissing = true)
// Two at a time: each waits on the model for seconds, on no CPU.
@RocketMQMessageListener(topic = Topics.VIDEO_PUBLISHED, consumerGroup = "${douyin.assistant.video-summaries.group:douyin-message-summary}",
        consumeThreadNumber = 2)
public class VideoSummaryConsumer implements RocketMQListener<VideoPublishedEvent> {

    private final VideoSummaries summaries;

    public VideoSummaryConsumer(VideoSummaries summaries) {
        this.summaries = summaries;
    }

    @Override
    public void onMessage(VideoPublishedEvent event) {
        ModelWork.forEvent("describing video " + event.videoId(), () -> summaries.summarize(event.videoId()));
    }
}
