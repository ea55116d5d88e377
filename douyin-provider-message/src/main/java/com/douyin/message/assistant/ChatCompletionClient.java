package com.douyin.message.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** One call of an OpenAI-compatible {@code POST /chat/completions}: the conversation in, the answer's text out. */
public final class ChatCompletionClient {

    /** One turn of the conversation: role system, user or assistant. */
    public record Turn(String role, String content) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String endpoint;
    private final String model;
    private final String apiKey;
    private final Duration timeout;

    public ChatCompletionClient(String baseUrl, String model, String apiKey, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.endpoint = baseUrl.replaceAll("/+$", "") + "/chat/completions";
        this.model = model;
        this.apiKey = apiKey;
        this.timeout = timeout;
    }

    /** The answer; throws on a timeout, a non-2xx status or an answer without text. */
    public String complete(List<Turn> conversation) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("model", model);
        ArrayNode messages = body.putArray("messages");
        conversation.forEach(turn -> messages.addObject().put("role", turn.role()).put("content", turn.content()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("chat API answered HTTP " + response.statusCode());
        }
        JsonNode content = JSON.readTree(response.body()).path("choices").path(0).path("message").path("content");
        if (!content.isTextual() || content.asText().isBlank()) {
            throw new IOException("chat API answered no text");
        }
        return content.asText().strip();
    }
}
