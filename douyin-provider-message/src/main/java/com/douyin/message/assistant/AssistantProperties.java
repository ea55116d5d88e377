package com.douyin.message.assistant;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code douyin.assistant}: the assistant account and the OpenAI-compatible chat API that answers
 * for it ({@code base-url} up to and without {@code /chat/completions}, e.g. DashScope's
 * {@code https://dashscope.aliyuncs.com/compatible-mode/v1}, DeepSeek's
 * {@code https://api.deepseek.com/v1}, or a local server). No {@code api-key}: not configured.
 */
@ConfigurationProperties("douyin.assistant")
public record AssistantProperties(
        @DefaultValue("1") long userId,
        @DefaultValue("") String baseUrl,
        @DefaultValue("qwen-turbo") String model,
        @DefaultValue("") String apiKey,
        @DefaultValue("20s") Duration timeout,
        @DefaultValue("20") int history,
        @DefaultValue("You are the assistant of a short-video app. Answer briefly, in the user's language.") String systemPrompt,
        @DefaultValue("The assistant is not set up on this server yet, so it cannot answer. Please ask again later.") String notConfiguredReply,
        @DefaultValue("Sorry, I cannot answer right now. Please try again in a moment.") String failureReply) {

    public boolean configured() {
        return !apiKey.isBlank() && !baseUrl.isBlank();
    }
}
