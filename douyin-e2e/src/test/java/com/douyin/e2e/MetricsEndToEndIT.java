package com.douyin.e2e;

import static com.douyin.e2e.ApiClient.get;
import static com.douyin.e2e.ApiClient.newAccount;
import static com.douyin.e2e.ApiClient.ok;
import static com.douyin.e2e.ApiClient.publishSample;
import static com.douyin.e2e.PrometheusScrape.sample;
import static com.douyin.e2e.PrometheusScrape.scrape;
import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.e2e.ApiClient.Account;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every service's Prometheus endpoint, and the meters that say how the system is doing. */
@ExtendWith(DouyinSystem.class)
class MetricsEndToEndIT {

    @Test
    void theGatewayAndEveryProviderExposeTheirMeters() throws Exception {
        Account author = newAccount();
        publishSample(author, "measured");
        for (int i = 0; i < 3; i++) {
            ok(get("/douyin/publish/list/?user_id=" + author.id())); // the second and third read hit the cache
        }

        String gateway = scrape(DouyinSystem.API + "/actuator/prometheus");
        assertThat(sample(gateway, "http_server_requests_seconds_bucket", "uri=\"/douyin/publish/list/\"", "le=\"+Inf\"")).as("latency histogram")
                .isPositive();

        String video = scrape("http://127.0.0.1:9102/metrics");
        assertThat(sample(video, "douyin_cache_requests_total", "cache=\"video\"", "result=\"hit\"")).as("video cache hits").isPositive();
        assertThat(sample(video, "douyin_cache_requests_total", "cache=\"video\"", "result=\"miss\"")).as("video cache misses").isPositive();
        assertThat(video).contains("douyin_redis_outage");
        // Sentinel's statistics per resource: the gateway's route, the provider's Dubbo service
        assertThat(sample(gateway, "sentinel_passed_total", "resource=\"http:/douyin/publish/list\"")).as("the route's Sentinel entries")
                .isGreaterThanOrEqualTo(3);
        assertThat(sample(gateway, "sentinel_response_time_seconds_count", "resource=\"http:/douyin/publish/list\"")).isGreaterThanOrEqualTo(3);
        assertThat(sample(video, "sentinel_passed_total", "resource=\"com.douyin.api.video.VideoService\"")).as("the provider's Sentinel entries")
                .isPositive();
        // The user provider counted the publish through RocketMQ: its consumer group's lag is
        // reported, and back to 0 once the event is consumed (refreshed every 10 s).
        double lag = -1;
        for (long deadline = System.currentTimeMillis() + 30_000; lag != 0 && System.currentTimeMillis() < deadline; Thread.sleep(1000)) {
            lag = sample(scrape("http://127.0.0.1:9101/metrics"), "douyin_mq_lag", "topic=\"douyin-video-published\"");
        }
        assertThat(lag).as("douyin_mq_lag of the user provider's work-count consumer").isZero();
        for (int port = 9101; port <= 9106; port++) {
            assertThat(scrape("http://127.0.0.1:" + port + "/metrics")).as("provider on " + port).contains("jvm_memory_used_bytes");
        }
    }
}
