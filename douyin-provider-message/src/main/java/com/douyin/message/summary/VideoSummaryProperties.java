package com.douyin.message.summary;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code douyin.assistant.video-summaries}: when a video is published and the assistant's model is
 * configured ({@code douyin.assistant.*}), the assistant describes it: a one-sentence summary
 * posted as its comment, keywords for search and the recommended feed's topics, and a verdict on
 * whether the title is abusive. {@code transcription-model}: the speech-to-text model asked for
 * the video's audio where the API offers {@code /audio/transcriptions} ("" for the title alone).
 */
@ConfigurationProperties("douyin.assistant.video-summaries")
public record VideoSummaryProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("whisper-1") String transcriptionModel) {
}
