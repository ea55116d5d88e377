package com.douyin.message.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** One call of an OpenAI-compatible {@code POST /chat/completions}: the conversation in, the answer's text out. */
public final class ChatCompletionClient {

    /** One turn of the conversation: role system, user or assistant. */
    public record Turn(String role, String content) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The longest a streamed answer may take, as long as the gateway relays one. */
    static final Duration STREAM_DEADLINE = Duration.ofSeconds(60);
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "chat-stream-deadline");
        thread.setDaemon(true);
        return thread;
    });

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

    /** The client of the assistant's configured API and model. */
    public static ChatCompletionClient of(AssistantProperties assistant) {
        return new ChatCompletionClient(assistant.baseUrl(), assistant.model(), assistant.apiKey(), assistant.timeout());
    }

    /** The answer; throws on a timeout, a non-2xx status or an answer without text. */
    public String complete(List<Turn> conversation) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(conversation, false), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("chat API answered HTTP " + response.statusCode());
        }
        JsonNode content = JSON.readTree(response.body()).path("choices").path(0).path("message").path("content");
        if (!content.isTextual() || content.asText().isBlank()) {
            throw new IOException("chat API answered no text");
        }
        return content.asText().strip();
    }

    /** The answer to {@code text} under the system prompt {@code instructions}; throws as {@link #complete}. */
    public String ask(String instructions, String text) throws IOException, InterruptedException {
        return complete(List.of(new Turn("system", instructions), new Turn("user", text)));
    }

    /**
     * The answer as the API streams it ({@code "stream": true}: Server-Sent Events whose
     * {@code choices[0].delta.content} are the pieces, until {@code [DONE]}): each piece goes to
     * {@code onPiece} as it arrives; answers the whole text. Throws like {@link #complete}, and
     * if the whole answer takes longer than {@link #STREAM_DEADLINE} (the request's timeout only
     * covers the wait for the headers; a stream that stalls after them would hold this thread).
     */
    public String stream(List<Turn> conversation, Consumer<String> onPiece) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(request(conversation, true), HttpResponse.BodyHandlers.ofInputStream());
        InputStream body = response.body();
        if (response.statusCode() / 100 != 2) {
            body.close();
            throw new IOException("chat API answered HTTP " + response.statusCode());
        }
        ScheduledFuture<?> deadline = DEADLINES.schedule(() -> closeQuietly(body), STREAM_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        StringBuilder whole = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.startsWith("data:")) {
                    continue; // blank separators, comments, event names
                }
                String data = line.substring(5).strip();
                if (data.equals("[DONE]")) {
                    break;
                }
                JsonNode piece = JSON.readTree(data).path("choices").path(0).path("delta").path("content");
                if (piece.isTextual() && !piece.asText().isEmpty()) {
                    whole.append(piece.asText());
                    onPiece.accept(piece.asText());
                }
            }
        } catch (IOException e) {
            throw deadline.cancel(false) ? e : cutOff();
        }
        if (!deadline.cancel(false)) {
            throw cutOff(); // the close may read as a plain end of the stream: the text is partial
        }
        if (whole.toString().isBlank()) {
            throw new IOException("chat API streamed no text");
        }
        return whole.toString().strip();
    }

    private static IOException cutOff() {
        return new IOException("chat API did not finish its answer within " + STREAM_DEADLINE);
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close(); // wakes the reading thread
        } catch (IOException ignored) {
            // closing is all that was wanted
        }
    }

    private HttpRequest request(List<Turn> conversation, boolean stream) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("model", model).put("stream", stream);
        ArrayNode messages = body.putArray("messages");
        conversation.forEach(turn -> messages.addObject().put("role", turn.role()).put("content", turn.content()));
        return HttpRequest.newBuilder(URI.create(endpoint))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
    }
}
