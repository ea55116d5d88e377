package com.douyin.e2e;

import static com.douyin.e2e.ApiClient.form;
import static com.douyin.e2e.ApiClient.http;
import static com.douyin.e2e.ApiClient.newAccount;
import static com.douyin.e2e.ApiClient.newName;
import static com.douyin.e2e.ApiClient.ok;
import static com.douyin.e2e.ApiClient.postMultipart;
import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.common.testing.SampleVideo;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One request's trace ID in the logs of the gateway and of the providers it reached: the client
 * sends a W3C traceparent, and the register request's lines in gateway.log (access line) and in
 * user.log (the new account) carry its trace ID; a publish's trace crosses RocketMQ too, into
 * the user provider's consumer that counts the video.
 */
@ExtendWith(DouyinSystem.class)
class TracingEndToEndIT {

    private static List<String> linesWith(String log, String text) throws Exception {
        Path file = DouyinSystem.REPO.resolve(".run/logs").resolve(log);
        return Files.readAllLines(file).stream().filter(line -> line.contains(text)).toList();
    }

    /** A fresh W3C traceparent: version, trace ID (32 hex), parent span (16 hex), sampled. */
    private static String newTraceparent() {
        byte[] random = new byte[24];
        ThreadLocalRandom.current().nextBytes(random);
        return "00-" + HexFormat.of().formatHex(random, 0, 16) + "-" + HexFormat.of().formatHex(random, 16, 24) + "-01";
    }

    private static String traceIdOf(String traceparent) {
        return traceparent.split("-")[1];
    }

    /** The lines of {@code log} with {@code traceId}, once one of them contains {@code expected} (10 s at most). */
    private static List<String> awaitLines(String log, String traceId, String expected) throws Exception {
        List<String> lines = linesWith(log, traceId);
        for (long deadline = System.currentTimeMillis() + 10_000;
             lines.stream().noneMatch(line -> line.contains(expected)) && System.currentTimeMillis() < deadline; Thread.sleep(200)) {
            lines = linesWith(log, traceId);
        }
        return lines;
    }

    @Test
    void aPublishsTraceIdCrossesTheBrokerIntoTheConsumerThatCountsIt() throws Exception {
        ApiClient.Account author = newAccount();
        String traceparent = newTraceparent();
        JsonNode published = ok(postMultipart("/douyin/publish/action/", Map.of("token", author.token(), "title", "traced"),
                "data", "traced.mp4", SampleVideo.mp4(), "traceparent", traceparent));
        assertThat(published.get("status_code").asInt()).isZero();

        String counted = "Counted a video in the work_count of user " + author.id();
        assertThat(awaitLines("user.log", traceIdOf(traceparent), counted))
                .as("the user provider's consumer, reached through RocketMQ, logs in the publish's trace")
                .anyMatch(line -> line.contains(counted));
    }

    @Test
    void aRequestsTraceIdShowsInTheGatewaysAndTheProvidersLogs() throws Exception {
        String traceparent = newTraceparent();
        String traceId = traceIdOf(traceparent);
        HttpResponse<String> registered = http.send(HttpRequest.newBuilder(URI.create(DouyinSystem.API + "/douyin/user/register/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("traceparent", traceparent)
                .POST(HttpRequest.BodyPublishers.ofString(form("username", newName(), "password", "secret123"))).build(),
                HttpResponse.BodyHandlers.ofString());
        long userId = ok(registered).get("user_id").asLong();

        List<String> gateway = linesWith("gateway.log", traceId);
        List<String> user = linesWith("user.log", traceId);
        for (long deadline = System.currentTimeMillis() + 5_000;
             (gateway.isEmpty() || user.isEmpty()) && System.currentTimeMillis() < deadline; Thread.sleep(200)) {
            gateway = linesWith("gateway.log", traceId);
            user = linesWith("user.log", traceId);
        }
        assertThat(gateway).as("gateway log lines of the trace").anyMatch(line -> line.contains("POST /douyin/user/register/ 200"));
        assertThat(user).as("user provider log lines of the trace").anyMatch(line -> line.contains("Registered user " + userId));
    }
}
