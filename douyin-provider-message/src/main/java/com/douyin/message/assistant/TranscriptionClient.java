package com.douyin.message.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * One call of an OpenAI-compatible {@code POST /audio/transcriptions} (speech to text): a media
 * file in, its speech as text out. Not every API offers it (DeepSeek's does not): an answer of
 * 404, 405 or 501 means it is not offered, and this client is not asked again until a restart.
 */
public final class TranscriptionClient {

    /** The largest file the APIs take (OpenAI's limit); a larger video is described from its title alone. */
    public static final long MAX_FILE_BYTES = 25L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String endpoint;
    private final String model;
    private final String apiKey;
    private final Duration timeout;
    private volatile boolean offered = true;

    public TranscriptionClient(String baseUrl, String model, String apiKey, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.endpoint = baseUrl.replaceAll("/+$", "") + "/audio/transcriptions";
        this.model = model;
        this.apiKey = apiKey;
        this.timeout = timeout;
    }

    /** Whether the API may transcribe (false once it answered that it does not). */
    public boolean offered() {
        return offered;
    }

    /**
     * The speech in {@code media} (an MP4 named {@code fileName}); empty when the API does not
     * offer speech to text. Throws on a timeout or another failure.
     */
    public Optional<String> transcribe(byte[] media, String fileName) throws IOException, InterruptedException {
        if (!offered) {
            return Optional.empty();
        }
        String boundary = "douyin-" + UUID.randomUUID();
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint))
                .timeout(timeout)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, media, fileName)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status == 404 || status == 405 || status == 501) {
            offered = false;
            return Optional.empty();
        }
        if (status / 100 != 2) {
            throw new IOException("transcription API answered HTTP " + status);
        }
        JsonNode text = JSON.readTree(response.body()).path("text");
        return Optional.of(text.asText("").strip());
    }

    /** The form: the model's name and the file (response_format json: {"text": ...}). */
    private byte[] multipart(String boundary, byte[] media, String fileName) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(media.length + 512);
        String fields = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\n" + model + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"response_format\"\r\n\r\njson\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName.replace("\"", "")
                + "\"\r\nContent-Type: video/mp4\r\n\r\n";
        body.write(fields.getBytes(StandardCharsets.UTF_8));
        body.write(media);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}
