package com.douyin.message.assistant;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code douyin.assistant}: the assistant account and the OpenAI-compatible chat API that answers
 * for it ({@code base-url} up to and without {@code /chat/completions}, e.g. DashScope's
 * {@code https://dashscope.aliyuncs.com/compatible-mode/v1}, DeepSeek's
 * {@code https://api.deepseek.com/v1}, or a local server). No {@code api-key}: not configured.
 * Each user may cause {@code calls-per-minute} and {@code calls-per-day} model calls
 * ({@link AssistantAllowance}); at most {@code queue} answers wait for one of the four workers.
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
        @DefaultValue("Sorry, I cannot answer right now. Please try again in a moment.") String failureReply,
        @DefaultValue("10") int callsPerMinute,
        @DefaultValue("200") int callsPerDay,
        @DefaultValue("100") int queue,
        @DefaultValue("You have asked me a lot just now. Please wait a minute.") String minuteUsedUpReply,
        @DefaultValue("You have used up my answers for today. Please come back tomorrow.") String dayUsedUpReply,
        @DefaultValue("I am very busy right now. Please ask again in a moment.") String busyReply) {

    public boolean configured() {
        return !apiKey.isBlank() && !baseUrl.isBlank();
    }
}
