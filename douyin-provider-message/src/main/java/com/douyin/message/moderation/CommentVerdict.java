package com.douyin.message.moderation;

import com.douyin.message.assistant.ModelJson;
import com.fasterxml.jackson.core.JsonProcessingException;

/** The model's verdict on a comment, read from its answer: a JSON object {@code {"abusive": true|false}} ({@link ModelJson}). */
public record CommentVerdict(boolean abusive) {

    /** The verdict in the model's answer; throws when it holds no such object. */
    public static CommentVerdict parse(String answer) throws JsonProcessingException {
        return new CommentVerdict(ModelJson.objectIn(answer).path("abusive").asBoolean(false));
    }
}
