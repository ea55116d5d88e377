package com.douyin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.common.testing.SampleVideo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The gateway's HTTP API as the mobile client calls it. */
final class ApiClient {

    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper json = new ObjectMapper();

    private ApiClient() {
    }

    static String newName() {
        return "e2e_" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (body.length() > 0) body.append('&');
            body.append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    /** A form POST; {@code headers}: name, value, ... */
    static HttpResponse<String> post(String path, String formBody, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(DouyinSystem.API + path))
                .header("Content-Type", "application/x-www-form-urlencoded");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.POST(HttpRequest.BodyPublishers.ofString(formBody)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(DouyinSystem.API + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart/form-data POST with text fields and one file field; {@code headers}: name, value, ... */
    static HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileField,
                                              String fileName, byte[] file, String... headers) throws Exception {
        String boundary = "----douyin" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (file != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                    + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(DouyinSystem.API + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON of an HTTP 200 answer, after checking what every answer must be. */
    static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        return contractJson(response);
    }

    /** Any answer, whatever its HTTP status: JSON, UTF-8, a status, no stack trace. */
    static JsonNode contractJson(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type").orElse("").toLowerCase())
                .startsWith("application/json").contains("charset=utf-8");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("status_code").isInt()).isTrue();
        assertThat(body.get("status_msg").isTextual()).isTrue();
        return body;
    }

    static JsonNode register(String name, String password) throws Exception {
        return ok(post("/douyin/user/register/", form("username", name, "password", password)));
    }

    /** The "id" of each object in a JSON list (video_list, user_list, message_list, ...), in order. */
    static List<Long> ids(JsonNode items) {
        List<Long> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    /** A registered user and its token. */
    record Account(long id, String token) {
    }

    static Account newAccount() throws Exception {
        JsonNode registered = register(newName(), "secret123");
        return new Account(registered.get("user_id").asLong(), registered.get("token").asText());
    }

    static HttpResponse<String> publish(Account who, String title, String fileName, byte[] file) throws Exception {
        return postMultipart("/douyin/publish/action/", Map.of("token", who.token(), "title", title), "data", fileName, file);
    }

    /**
     * After a failure drill restarted the broker: waits until a publish goes through the broker
     * again, not its synchronous fallback (the services' RocketMQ clients reconnect, and the
     * breaker closes, within seconds), so the next test meets a recovered system.
     */
    static void awaitBrokerRecovered() throws Exception {
        Account probe = newAccount();
        long started = System.currentTimeMillis();
        for (long deadline = started + 90_000; System.currentTimeMillis() < deadline; Thread.sleep(1000)) {
            double fallbacks = publishFallbacks();
            if (ok(publish(probe, "probe", "probe.mp4", SampleVideo.mp4())).get("status_code").asInt() == 0
                    && publishFallbacks() == fallbacks) {
                System.out.printf("publishing went through the broker again %.1f s after its start%n", (System.currentTimeMillis() - started) / 1e3);
                return;
            }
        }
        throw new AssertionError("publishing did not go through the broker within 90 s of its restart");
    }

    /** How many publishes the video provider has written without the broker (its Prometheus counter). */
    static double publishFallbacks() throws Exception {
        double count = PrometheusScrape.sample(PrometheusScrape.scrape("http://127.0.0.1:9102/metrics"),
                "douyin_fallback_total", "path=\"mq:douyin-video-published\"");
        return Math.max(0, count); // no sample until the first fallback
    }

    /** Publishes a generated MP4 and answers the new video's ID (from the author's list). */
    static long publishSample(Account author, String title) throws Exception {
        assertThat(ok(publish(author, title, "clip.mp4", SampleVideo.mp4())).get("status_code").asInt()).isZero();
        JsonNode list = ok(get("/douyin/publish/list/?user_id=" + author.id())).get("video_list");
        return list.get(0).get("id").asLong();
    }
}
