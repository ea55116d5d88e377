package com.douyin.message.summary;

import com.douyin.message.assistant.ModelJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What the model made of a video: a one-sentence summary ("" for none), up to five keywords, and
 * whether its title is abusive. Read from the model's answer, a JSON object
 * {@code {"summary": ..., "keywords": [...], "abusive": true|false}} ({@link ModelJson}).
 */
public record VideoDescription(String summary, List<String> keywords, boolean abusive) {

    static final int MAX_KEYWORDS = 5;
    /** A summary is one sentence; a model that rambles is cut here (a comment holds 500). */
    static final int MAX_SUMMARY = 200;

    /** The description in the model's answer; throws when the answer holds no such object. */
    public static VideoDescription parse(String answer) throws JsonProcessingException {
        JsonNode object = ModelJson.objectIn(answer);
        List<String> keywords = new ArrayList<>();
        for (JsonNode keyword : object.path("keywords")) {
            if (keyword.isTextual() && !keyword.asText().isBlank() && keywords.size() < MAX_KEYWORDS) {
                keywords.add(keyword.asText().strip());
            }
        }
        return new VideoDescription(oneSentence(object.path("summary").asText("")), List.copyOf(keywords),
                object.path("abusive").asBoolean(false));
    }

    private static String oneSentence(String summary) {
        String text = summary.strip().replaceAll("\\s+", " ");
        return text.codePointCount(0, text.length()) <= MAX_SUMMARY ? text
                : text.substring(0, text.offsetByCodePoints(0, MAX_SUMMARY - 1)) + "…";
    }
}
