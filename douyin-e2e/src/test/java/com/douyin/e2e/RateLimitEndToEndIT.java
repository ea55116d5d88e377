package com.douyin.e2e;

import static com.douyin.e2e.ApiClient.contractJson;
import static com.douyin.e2e.ApiClient.get;
import static com.douyin.e2e.ApiClient.http;
import static com.douyin.e2e.PrometheusScrape.sample;
import static com.douyin.e2e.PrometheusScrape.scrape;
import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.common.testing.LocalNacos;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
        assertThat(LocalNacos.publishConfig(dataId, "json", json)).as("Nacos took " + dataId).isTrue();
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
            awaitBurst("/douyin/feed/", true);
            // In a window of its own: the burst that first saw the rule may have found its second's
            // 3 requests spent by the previous burst's last ones (the rule arriving just before them).
            Thread.sleep(1_100);
            List<Integer> limited = burst("/douyin/feed/", 20);
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
            assertThat(sample(scrape(DouyinSystem.API + "/actuator/prometheus"), "sentinel_blocked_total", "resource=\"http-client\"",
                    "rule=\"param-flow\"")).as("refusals counted by the rule that refused them").isPositive();
        } finally {
            restore(PER_CLIENT);
        }
        assertThat(awaitBurst("/douyin/feed/", false)).containsOnly(200);
    }

    /** The HTTP status of a login sent from the local address {@code from} (127.0.0.x: a second client). */
    private static int loginFrom(String from) throws Exception {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", 8080), 5_000);
            socket.setSoTimeout(10_000);
            // A new unknown name every time: the account's own attempt count never answers for Sentinel.
            String name = "nobody" + UUID.randomUUID().toString().substring(0, 8);
            socket.getOutputStream().write(("POST /douyin/user/login/?username=" + name + "&password=wrong-one HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    @Test
    void oneClientAtItsLoginCapDoesNotLockTheOthersOut() throws Exception {
        String rules = Files.readString(DouyinSystem.REPO.resolve("config-nacos").resolve(PER_CLIENT));
        assertThat(rules).as("the shipped rules cap logins per client").contains("http-client:/douyin/user/login");
        try {
            publish(PER_CLIENT, "[{\"resource\":\"http-client\",\"paramIdx\":0,\"grade\":1,\"count\":50000,\"durationInSec\":1},"
                    + "{\"resource\":\"http-client:/douyin/user/login\",\"paramIdx\":0,\"grade\":1,\"count\":2,\"durationInSec\":1}]");
            List<Integer> first = new ArrayList<>();
            for (long deadline = System.currentTimeMillis() + 15_000; !first.contains(429) && System.currentTimeMillis() < deadline; ) {
                first.clear();
                for (int i = 0; i < 20; i++) {
                    first.add(loginFrom("127.0.0.1"));
                }
            }
            assertThat(first).as("the first client meets its cap").contains(429);
            assertThat(loginFrom("127.0.0.2")).as("another client logs in as usual").isEqualTo(200);
            assertThat(burst("/douyin/feed/", 5)).as("other routes are not limited").containsOnly(200);
        } finally {
            restore(PER_CLIENT);
        }
    }

    @Test
    void aPerRouteLimitAppliesToThatRouteOnly() throws Exception {
        try {
            publish(PER_ROUTE, "[{\"resource\":\"http:/douyin/search/video\",\"grade\":1,\"count\":2}]");
            assertThat(awaitBurst("/douyin/search/video/?keyword=drill", true)).contains(429);
            assertThat(sample(scrape(DouyinSystem.API + "/actuator/prometheus"), "sentinel_blocked_total",
                    "resource=\"http:/douyin/search/video\"", "rule=\"flow\"")).as("refusals counted by the rule that refused them").isPositive();
            assertThat(burst("/douyin/feed/", 20)).as("other routes are not limited").containsOnly(200);
        } finally {
            restore(PER_ROUTE);
        }
        assertThat(awaitBurst("/douyin/search/video/?keyword=drill", false)).containsOnly(200);
    }
}
