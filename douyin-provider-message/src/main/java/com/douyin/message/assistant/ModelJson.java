package com.douyin.message.assistant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON object a model was asked to answer with. Models often wrap it in a code fence or a
 * sentence, so the first '{' to the last '}' of the answer is read.
 */
public final class ModelJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelJson() {
    }

    /** The object in the model's answer; throws when the answer holds none. */
    public static JsonNode objectIn(String answer) throws JsonProcessingException {
        int start = answer.indexOf('{');
        int end = answer.lastIndexOf('}');
        if (start < 0 || end < start) {
            throw new JsonProcessingException("the model's answer holds no JSON object: "
                    + (answer.length() <= 80 ? answer : answer.substring(0, 80) + "…")) {
            };
        }
        return JSON.readTree(answer.substring(start, end + 1));
    }
}
