package com.douyin.message.assistant;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether the assistant's model is configured ({@code douyin.assistant.base-url} and {@code
 * api-key} set), for beans that only work with one: with none they are not made at all (a
 * consumer of the broker's events, say, would only cost its threads).
 */
public class AssistantModelConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !context.getEnvironment().getProperty("douyin.assistant.base-url", "").isBlank()
                && !context.getEnvironment().getProperty("douyin.assistant.api-key", "").isBlank();
    }
}
