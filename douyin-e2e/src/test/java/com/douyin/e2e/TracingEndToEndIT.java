package com.douyin.e2e;

import static com.douyin.e2e.ApiClient.form;
import static com.douyin.e2e.ApiClient.http;
import static com.douyin.e2e.ApiClient.newName;
import static com.douyin.e2e.ApiClient.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One request's trace ID in the logs of the gateway and of the provider it called: the client
 * sends a W3C traceparent, and the register request's lines in gateway.log (access line) and in
 * user.log (the new account) carry its trace ID.
 */
@ExtendWith(DouyinSystem.class)
class TracingEndToEndIT {

    private static List<String> linesWith(String log, String text) throws Exception {
        Path file = DouyinSystem.REPO.resolve(".run/logs").resolve(log);
        return Files.readAllLines(file).stream().filter(line -> line.contains(text)).toList();
    }

    @Test
    void aRequestsTraceIdShowsInTheGatewaysAndTheProvidersLogs() throws Exception {
        byte[] random = new byte[24];
        ThreadLocalRandom.current().nextBytes(random);
        String traceId = HexFormat.of().formatHex(random, 0, 16);
        String parentSpan = HexFormat.of().formatHex(random, 16, 24);
        HttpResponse<String> registered = http.send(HttpRequest.newBuilder(URI.create(DouyinSystem.API + "/douyin/user/register/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("traceparent", "00-" + traceId + "-" + parentSpan + "-01")
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
