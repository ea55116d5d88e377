package com.douyin.e2e;

import static com.douyin.e2e.ApiClient.http;
import static com.douyin.e2e.ApiClient.json;
import static com.douyin.e2e.ApiClient.newAccount;
import static com.douyin.e2e.ApiClient.ok;
import static com.douyin.e2e.ApiClient.postMultipart;
import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.common.testing.SampleVideo;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Traces in the trace backend: the SkyWalking OAP that {@code ./douyin up} starts receives every
 * service's spans (Zipkin protocol) and serves them over its Zipkin query API, and the trace UI
 * (Zipkin's Lens) shows them in a browser. A publish or a comment sent with a recorded W3C
 * traceparent is one trace there: the gateway's HTTP span, the providers its Dubbo calls reached,
 * their Redis calls and MySQL statements, and the consumers that applied its event.
 */
@ExtendWith(DouyinSystem.class)
class TraceBackendEndToEndIT {

    static final String QUERY_API = "http://127.0.0.1:9412/zipkin/api/v2";
    static final String TRACE_UI = "http://127.0.0.1:9413/zipkin/";

    /** A fresh W3C traceparent: version, trace ID (32 hex), parent span (16 hex), recorded. */
    private static String newTraceparent() {
        byte[] random = new byte[24];
        ThreadLocalRandom.current().nextBytes(random);
        return "00-" + HexFormat.of().formatHex(random, 0, 16) + "-" + HexFormat.of().formatHex(random, 16, 24) + "-01";
    }

    /** Publishes a video in a trace of the test's own; its trace ID. */
    private static String publishTraced() throws Exception {
        ApiClient.Account author = newAccount();
        String traceparent = newTraceparent();
        JsonNode published = ok(postMultipart("/douyin/publish/action/", Map.of("token", author.token(), "title", "traced to the backend"),
                "data", "traced.mp4", SampleVideo.mp4(), "traceparent", traceparent));
        assertThat(published.get("status_code").asInt()).isZero();
        return traceparent.split("-")[1];
    }

    /**
     * The trace's spans as the backend has them, once {@code complete} holds (90 s at most: each
     * service's reporter and the OAP send and store them in batches, in their own time).
     */
    private static JsonNode awaitTrace(String traceId, java.util.function.Predicate<JsonNode> complete) throws Exception {
        JsonNode spans = json.createArrayNode();
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90); System.nanoTime() < deadline; Thread.sleep(1_000)) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(QUERY_API + "/trace/" + traceId)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                spans = json.readTree(answer.body());
                if (complete.test(spans)) {
                    return spans;
                }
            }
        }
        return spans;
    }

    private static Set<String> servicesOf(JsonNode spans) {
        Set<String> services = new TreeSet<>();
        spans.forEach(span -> services.add(span.path("localEndpoint").path("serviceName").asText()));
        return services;
    }

    private static Set<String> kindsOf(JsonNode spans) {
        Set<String> kinds = new TreeSet<>();
        spans.forEach(span -> kinds.add(span.path("kind").asText()));
        return kinds;
    }

    @Test
    void aPublishIsOneTraceFromTheGatewayThroughTheProvidersToItsConsumer() throws Exception {
        String traceId = publishTraced();

        // Its spans arrive from each service's reporter in its own time (the video provider's feed
        // consumer also reaches the relation provider): wait for those the test looks for.
        JsonNode spans = awaitTrace(traceId, found -> namesOf(found).stream().anyMatch(name -> name.startsWith("douyin-user CONSUMER consume "))
                && namesOf(found).stream().anyMatch(name -> name.startsWith("douyin-video SERVER "))
                && namesOf(found).stream().anyMatch(name -> name.contains(" query ")));

        assertThat(spans).allSatisfy(span -> assertThat(span.get("traceId").asText()).isEqualTo(traceId));
        assertThat(servicesOf(spans)).as("services in the trace").contains("douyin-gateway", "douyin-video", "douyin-user");
        assertThat(namesOf(spans)).as("spans (service kind name remote)")
                .anyMatch(name -> name.startsWith("douyin-gateway SERVER "))
                .anyMatch(name -> name.startsWith("douyin-video SERVER "))
                .anyMatch(name -> name.startsWith("douyin-user CONSUMER consume "))
                .anyMatch(name -> name.contains(" query")); // a MySQL statement
    }

    /** Each span as "service KIND name remote-service", names lower case as the backend keeps them. */
    private static List<String> namesOf(JsonNode spans) {
        List<String> names = new ArrayList<>();
        spans.forEach(span -> names.add(span.path("localEndpoint").path("serviceName").asText() + " " + span.path("kind").asText()
                + " " + span.path("name").asText() + " " + span.path("remoteEndpoint").path("serviceName").asText()));
        return names;
    }

    @Test
    void aCommentIsOneTraceThroughTwoProvidersTheirRedisAndMysqlCallsAndItsConsumers() throws Exception {
        ApiClient.Account author = newAccount();
        long video = ApiClient.publishSample(author, "traced comments");
        ApiClient.Account commenter = newAccount();
        String traceparent = newTraceparent();
        JsonNode commented = ok(ApiClient.post("/douyin/comment/action/", ApiClient.form("token", commenter.token(),
                "video_id", Long.toString(video), "action_type", "1", "comment_text", "traced"), "traceparent", traceparent));
        assertThat(commented.get("status_code").asInt()).isZero();
        String traceId = traceparent.split("-")[1];

        // The comment provider (its Dubbo call), the user provider (the commenter shown in the answer),
        // the comment provider's Redis step, a MySQL statement, and a consumer applying the comment's event.
        JsonNode spans = awaitTrace(traceId, found -> {
            List<String> names = namesOf(found);
            return names.stream().anyMatch(name -> name.startsWith("douyin-comment SERVER "))
                    && names.stream().anyMatch(name -> name.startsWith("douyin-user SERVER "))
                    && names.stream().anyMatch(name -> name.endsWith(" redis"))
                    && kindsOf(found).contains("CONSUMER");
        });

        assertThat(spans).allSatisfy(span -> assertThat(span.get("traceId").asText()).isEqualTo(traceId));
        assertThat(namesOf(spans)).as("spans (service kind name remote)")
                .anyMatch(name -> name.startsWith("douyin-gateway SERVER http post /douyin/comment/action/"))
                .anyMatch(name -> name.startsWith("douyin-comment SERVER com.douyin.api.comment.commentservice/add"))
                .anyMatch(name -> name.startsWith("douyin-user SERVER "))
                .anyMatch(name -> name.startsWith("douyin-comment CLIENT ") && name.endsWith(" redis"))
                .anyMatch(name -> name.contains(" CLIENT query ")) // a MySQL statement
                .anyMatch(name -> name.contains(" CONSUMER consume douyin-comment"));
    }

    @Test
    void theTraceUiShowsARequestsTraceInABrowser() throws Exception {
        String traceId = publishTraced();
        JsonNode spans = awaitTrace(traceId, found -> namesOf(found).stream().anyMatch(name -> name.startsWith("douyin-video SERVER "))
                && namesOf(found).stream().anyMatch(name -> name.startsWith("douyin-gateway SERVER ")));
        assertThat(servicesOf(spans)).contains("douyin-gateway", "douyin-video");

        String page = HeadlessChromium.renderedDom(TRACE_UI + "traces/" + traceId);

        // Text Lens renders from the trace it fetched (the page's HTML alone has none of it).
        assertThat(page).as("Lens' trace page, rendered")
                .contains("douyin-gateway: http post /douyin/publish/action/")
                .contains("douyin-video: com.douyin.api.video.videoservice/publish")
                .contains(traceId);
    }
}
