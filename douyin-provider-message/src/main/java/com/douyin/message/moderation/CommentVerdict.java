package com.douyin.message.moderation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The model's verdict on a comment, read from its answer: a JSON object {@code {"abusive": true|false}},
 * which models often wrap in a code fence or a sentence (the first '{' to the last '}' is read).
 */
public record CommentVerdict(boolean abusive) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The verdict in the model's answer; throws when it holds no such object. */
    public static CommentVerdict parse(String answer) throws JsonProcessingException {
        int start = answer.indexOf('{');
        int end = answer.lastIndexOf('}');
        if (start < 0 || end < start) {
            throw new JsonProcessingException("the model's answer holds no JSON object") {
            };
        }
        return new CommentVerdict(JSON.readTree(answer.substring(start, end + 1)).path("abusive").asBoolean(false));
    }
}
