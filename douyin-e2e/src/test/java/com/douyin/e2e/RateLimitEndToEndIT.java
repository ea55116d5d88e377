package com.douyin.e2e;

import static com.douyin.e2e.ApiClient.contractJson;
import static com.douyin.e2e.ApiClient.get;
import static com.douyin.e2e.ApiClient.http;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sentinel's limits in the gateway, with their rules in Nacos: a rule published there takes
 * effect without a restart, a limited request gets HTTP 429 with the contract's JSON, and the
 * gateway's command port shows the dashboard the rules it runs.
 */
@ExtendWith(DouyinSystem.class)
class RateLimitEndToEndIT {

    private static final String PER_CLIENT = "sentinel-douyin-gateway-param-flow.json";
    private static final String PER_ROUTE = "sentinel-douyin-gateway-flow.json";

    private static void publish(String dataId, String json) throws Exception {
        String form = "dataId=" + dataId + "&group=DEFAULT_GROUP&type=json&content=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8848/nacos/v2/cs/config"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.body()).contains("\"data\":true");
    }

    private static void restore(String dataId) throws Exception {
        publish(dataId, Files.readString(DouyinSystem.REPO.resolve("config-nacos").resolve(dataId)));
    }

    /** Sends {@code n} requests back to back; answers their HTTP statuses. */
    private static List<Integer> burst(String path, int n) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            statuses.add(get(path).statusCode());
        }
        return statuses;
    }

    /** Bursts until {@code limited} says the statuses show the rule in effect (Nacos pushes within moments). */
    private static List<Integer> awaitBurst(String path, boolean expectLimited) throws Exception {
        List<Integer> statuses = burst(path, 20);
        for (long deadline = System.currentTimeMillis() + 15_000;
             statuses.contains(429) != expectLimited && System.currentTimeMillis() < deadline; Thread.sleep(500)) {
            statuses = burst(path, 20);
        }
        return statuses;
    }

    @Test
    void aPerClientLimitPublishedInNacosAppliesAtOnceAndAnswers429() throws Exception {
        String dashboardView = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8719/getParamFlowRules")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(dashboardView).as("the command port shows the rules from Nacos").contains("http-client");
        try {
            publish(PER_CLIENT, "[{\"resource\":\"http-client\",\"paramIdx\":0,\"grade\":1,\"count\":3,\"durationInSec\":1}]");
            List<Integer> limited = awaitBurst("/douyin/feed/", true);
            assertThat(limited).contains(429).contains(200);
            HttpResponse<String> refused = null;
            for (int i = 0; i < 20 && refused == null; i++) {
                HttpResponse<String> answer = get("/douyin/user/?user_id=1");
                if (answer.statusCode() == 429) {
                    refused = answer;
                }
            }
            assertThat(refused).as("every route shares the per-client limit").isNotNull();
            JsonNode body = contractJson(refused);
            assertThat(body.get("status_code").asInt()).isEqualTo(10429);
            assertThat(body.get("status_msg").asText()).contains("Too many requests");
            assertThat(body.has("user")).as("the route's own response shape").isTrue();
        } finally {
            restore(PER_CLIENT);
        }
        assertThat(awaitBurst("/douyin/feed/", false)).containsOnly(200);
    }

    @Test
    void aPerRouteLimitAppliesToThatRouteOnly() throws Exception {
        try {
            publish(PER_ROUTE, "[{\"resource\":\"http:/douyin/search/video\",\"grade\":1,\"count\":2}]");
            assertThat(awaitBurst("/douyin/search/video/?keyword=drill", true)).contains(429);
            assertThat(burst("/douyin/feed/", 20)).as("other routes are not limited").containsOnly(200);
        } finally {
            restore(PER_ROUTE);
        }
        assertThat(awaitBurst("/douyin/search/video/?keyword=drill", false)).containsOnly(200);
    }
}
