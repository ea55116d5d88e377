package com.douyin.e2e;

import static com.douyin.e2e.ApiClient.get;
import static com.douyin.e2e.ApiClient.json;
import static com.douyin.e2e.ApiClient.newAccount;
import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.common.testing.Launcher;
import com.douyin.e2e.ApiClient.Account;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A provider instance stopped under traffic deregisters from Nacos and finishes what it was
 * doing before it exits: with a second instance of the user provider serving, stopping it while
 * requests flow fails none of them.
 */
@ExtendWith(DouyinSystem.class)
class GracefulShutdownEndToEndIT {

    /** The user provider instance's count of served getUser calls, from its Prometheus endpoint. */
    private static double callsServedOn(int metricsPort) throws Exception {
        return Math.max(0, PrometheusScrape.sample(PrometheusScrape.scrape("http://127.0.0.1:" + metricsPort + "/metrics"),
                "rpc_server_duration_seconds_count", "rpc_method=\"getUser\""));
    }

    @Test
    void stoppingOneOfTwoProviderInstancesUnderTrafficFailsNoRequest() throws Exception {
        Account viewer = newAccount();
        Launcher.run("start user 20891", "e2e-launcher", Duration.ofMinutes(3));
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger served = new AtomicInteger();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> clients = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            clients.add(pool.submit(() -> {
                while (running.get()) {
                    HttpResponse<String> answer = get("/douyin/user/?user_id=" + viewer.id() + "&token=" + viewer.token());
                    if (answer.statusCode() != 200 || json.readTree(answer.body()).get("status_code").asInt() != 0) {
                        failures.add(answer.statusCode() + " " + answer.body());
                    } else {
                        served.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        try {
            // Both instances serve, once the gateway has heard of the second from Nacos.
            for (long deadline = System.currentTimeMillis() + 30_000;
                 callsServedOn(9111) == 0 && System.currentTimeMillis() < deadline; Thread.sleep(500)) {
            }
            assertThat(callsServedOn(9111)).as("calls the second instance served").isPositive();
            Launcher.run("stop user-20891", "e2e-launcher", Duration.ofMinutes(1));
            Thread.sleep(3_000); // and the remaining one alone
        } finally {
            running.set(false);
            for (Future<?> client : clients) {
                client.get();
            }
            pool.shutdown();
            Launcher.run("stop user-20891", "e2e-launcher", Duration.ofMinutes(1));
        }
        assertThat(failures).as("requests that failed while an instance stopped").isEmpty();
        assertThat(served.get()).isGreaterThan(50);
    }
}
