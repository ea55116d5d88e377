package com.douyin.message.moderation;

import com.douyin.api.event.CommentChangedEvent;
import com.douyin.api.event.Topics;
import com.douyin.message.assistant.AssistantModelConfigured;
import com.douyin.message.assistant.ModelWork;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Moderates each comment added ({@link CommentModerator}) from the comment-changed event, in a
 * group of its own; what fails is thrown, so RocketMQ delivers the event again later. Made only
 * when the assistant's model is configured; off with {@code douyin.assistant.moderation.enabled=false}.
 * (A comment written while Redis was out takes the synchronous path, which sends no event: it is
 * not moderated.)
 */
@Component
@Conditional(AssistantModelConfigured.class)
@ConditionalOnProperty(name = "douyin.assistant.moderation.enabled", havingValue = "true", matchIfMissing = true)
@RocketMQMessageListener(topic = Topics.COMMENT, consumerGroup = "${douyin.assistant.moderation.group:douyin-message-moderation}",
        consumeThreadNumber = 2)
public class CommentModerationConsumer implements RocketMQListener<CommentChangedEvent> {

    private final CommentModerator moderator;

    public CommentModerationConsumer(CommentModerator moderator) {
        this.moderator = moderator;
    }

    @Override
    public void onMessage(CommentChangedEvent event) {
        if (event.added()) {
            ModelWork.forEvent("moderating comment " + event.comment().id(), () -> moderator.moderate(event.comment()));
        }
    }
}
