package com.douyin.e2e;

import static com.douyin.e2e.ApiClient.form;
import static com.douyin.e2e.ApiClient.get;
import static com.douyin.e2e.ApiClient.newAccount;
import static com.douyin.e2e.ApiClient.ok;
import static com.douyin.e2e.ApiClient.post;
import static com.douyin.e2e.ApiClient.publishSample;
import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.common.testing.Launcher;
import com.douyin.e2e.ApiClient.Account;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Redis that loses a primary in a like storm: as the seed plans it, behind Sentinel
 * (`DOUYIN_REDIS_HA=sentinel ./douyin up`), and as a Redis Cluster with a replica per primary
 * (`DOUYIN_REDIS_HA=cluster`). Every like is still answered (the outage switch writes to MySQL
 * while the replica is promoted, and the services move there), and afterwards the API, MySQL's
 * rows and counters and Redis's counters agree. The class runs the system in each mode for
 * itself and leaves the usual one running for the classes after it.
 */
@ExtendWith(DouyinSystem.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisFailoverEndToEndIT {

    private static final int FANS = 12;
    private static final int VIDEOS = 3;

    private static int like(Account who, long videoId, int actionType) throws Exception {
        return ok(post("/douyin/favorite/action/", form("token", who.token(), "video_id", Long.toString(videoId),
                "action_type", Integer.toString(actionType)))).get("status_code").asInt();
    }

    @AfterAll
    static void theUsualSystem() throws Exception {
        Launcher.run("down", "e2e-launcher", Duration.ofMinutes(5));
        Launcher.run("up", "e2e-launcher", Duration.ofMinutes(10)); // the usual system for the classes after this one
    }

    @Test
    @Order(1)
    void behindSentinelLikesGoOnThroughThePrimarysDeathAndTheApiMysqlAndRedisAgreeAfterwards() throws Exception {
        drill("sentinel", "stop redis-primary");
    }

    /** The cluster's first primary dies (`redis-cli --cluster create` makes the first three nodes primaries). */
    @Test
    @Order(2)
    void onAClusterLikesGoOnThroughAPrimarysDeathAndTheApiMysqlAndRedisAgreeAfterwards() throws Exception {
        drill("cluster", "stop redis-node-16390");
    }

    /** The system with Redis in {@code mode}, a like storm, the primary killed by {@code kill} in it, and the checks after. */
    private static void drill(String mode, String kill) throws Exception {
        Launcher.run("down", "e2e-launcher", Duration.ofMinutes(5));
        Launcher.run("up", "e2e-launcher", Duration.ofMinutes(10), Map.of("DOUYIN_REDIS_HA", mode));
        try (SystemStores stores = new SystemStores()) {
            assertThat(mode.equals("cluster") ? stores.redisOnCluster() : stores.redisBehindSentinel()).as("Redis %s", mode).isTrue();
            Account author = newAccount();
            List<Long> videos = new ArrayList<>();
            for (int v = 0; v < VIDEOS; v++) {
                videos.add(publishSample(author, "failover drill " + v));
            }
            List<Account> fans = new ArrayList<>();
            for (int f = 0; f < FANS; f++) {
                fans.add(newAccount());
            }

            // The storm: each fan likes each video, then unlikes the first, a call every 400 ms, the
            // fans starting 300 ms apart (5 s in all); the primary dies as the fourth fan starts and
            // the Sentinels (or the cluster's other primaries) replace it within about 3 s.
            ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
            ExecutorService storm = Executors.newFixedThreadPool(FANS);
            List<Future<?>> fansDone = new ArrayList<>();
            for (int f = 0; f < FANS; f++) {
                if (f == 3) {
                    Launcher.run(kill, "e2e-launcher", Duration.ofMinutes(1));
                }
                Account fan = fans.get(f);
                fansDone.add(storm.submit(() -> {
                    List<long[]> calls = new ArrayList<>();
                    videos.forEach(video -> calls.add(new long[] {video, 1}));
                    calls.add(new long[] {videos.get(0), 2});
                    for (long[] call : calls) {
                        try {
                            int status = like(fan, call[0], (int) call[1]);
                            if (status != 0) {
                                refused.add("status " + status);
                            }
                            Thread.sleep(400);
                        } catch (Exception e) {
                            refused.add(e.toString());
                        }
                    }
                }));
                Thread.sleep(300);
            }
            for (Future<?> fanDone : fansDone) {
                fanDone.get();
            }
            storm.shutdown();
            assertThat(refused).as("every like answered, through the switch").isEmpty();

            // Afterwards: once every service uses Redis again (its outage over, the keys it made stale
            // meanwhile dropped) and the journal's relay has handed on whatever the services left in
            // it (DOUYIN_JOURNAL_IN_FLIGHT, 5 s in ./douyin test, after which the relay runs every 10 s).
            awaitServicesOnRedis();
            for (long deadline = System.currentTimeMillis() + 90_000; stores.likesJournaled() > 0 && System.currentTimeMillis() < deadline; ) {
                Thread.sleep(1_000);
            }
            assertThat(stores.likesJournaled()).as("likes still journaled, not handed on").isZero();

            try {
                agreeAfterwards(stores, author, videos, fans);
            } catch (AssertionError disagreement) {
                System.out.println(report(stores, videos));
                throw disagreement;
            }

            // And the services use Redis again, the promoted replica: a like after the switch moves its counter there.
            long second = videos.get(1);
            String counters = "video:counters:" + second;
            for (long deadline = System.currentTimeMillis() + 30_000; !stores.redisHasKey(counters) && System.currentTimeMillis() < deadline; ) {
                Thread.sleep(500);
                countOf(author, second); // a read fills the cache once the provider is off its outage
            }
            assertThat(stores.redisHasKey(counters)).as("the counters cached on the promoted replica").isTrue();
            assertThat(like(newAccount(), second, 1)).isZero();
            assertThat(stores.hashField(counters, "favorite_count")).isEqualTo(Long.toString(FANS + 1));
        }
    }

    /** Waits (a minute at most) until no provider serves from MySQL for a Redis outage: their douyin_redis_outage gauges (9101-9106). */
    private static void awaitServicesOnRedis() throws Exception {
        List<Integer> out = providersInAnOutage();
        for (long deadline = System.currentTimeMillis() + 60_000; !out.isEmpty() && System.currentTimeMillis() < deadline; ) {
            Thread.sleep(500);
            out = providersInAnOutage();
        }
        assertThat(out).as("metrics ports of providers still in a Redis outage").isEmpty();
    }

    private static List<Integer> providersInAnOutage() throws Exception {
        List<Integer> out = new ArrayList<>();
        for (int port = 9101; port <= 9106; port++) {
            if (PrometheusScrape.sample(PrometheusScrape.scrape("http://127.0.0.1:" + port + "/metrics"), "douyin_redis_outage") != 0) {
                out.add(port);
            }
        }
        return out;
    }

    /** Afterwards everything agrees: each video has every fan's like, the first none. */
    private static void agreeAfterwards(SystemStores stores, Account author, List<Long> videos, List<Account> fans) throws Exception {
        for (long video : videos) {
            long expected = video == videos.get(0) ? 0 : FANS;
            assertThat(stores.await(expected, "SELECT COUNT(*) FROM favorite WHERE video_id = ? AND liked = 1", video))
                    .as("rows of video %d", video).isEqualTo(expected);
            assertThat(stores.await(expected, "SELECT favorite_count FROM video WHERE id = ?", video))
                    .as("MySQL's counter of video %d", video).isEqualTo(expected);
            long apiCount = countOf(author, video);
            for (long deadline = System.currentTimeMillis() + 30_000; apiCount != expected && System.currentTimeMillis() < deadline; ) {
                Thread.sleep(500);
                apiCount = countOf(author, video);
            }
            assertThat(apiCount).as("favorite_count the API shows for video %d", video).isEqualTo(expected);
            String redisCount = stores.hashField("video:counters:" + video, "favorite_count");
            assertThat(redisCount == null ? expected : Long.parseLong(redisCount))
                    .as("Redis's counter of video %d (on the promoted replica; absent: read from MySQL when asked)", video)
                    .isEqualTo(expected);
        }
        for (Account fan : fans) {
            assertThat(ApiClient.ids(ok(get("/douyin/favorite/list/?user_id=" + fan.id() + "&token=" + fan.token())).get("video_list")))
                    .as("what fan %d likes", fan.id()).containsExactlyInAnyOrderElementsOf(videos.subList(1, VIDEOS));
        }
        assertThat(stores.queryLong("SELECT total_favorited FROM user WHERE id = ?", author.id())).isEqualTo((long) FANS * (VIDEOS - 1));
    }

    /** What a failed drill prints: each Redis server's copy of the videos' counters, and the services' warnings. */
    private static String report(SystemStores stores, List<Long> videos) throws IOException {
        StringBuilder report = new StringBuilder("--- the drill's disagreement, as the stores and the services saw it\n");
        for (long video : videos) {
            report.append("video:counters:").append(video).append('\n').append(stores.redisServersView("video:counters:" + video));
        }
        for (String service : List.of("favorite", "video", "user")) {
            Path log = DouyinSystem.REPO.resolve(".run/logs/" + service + ".log");
            if (Files.exists(log)) {
                report.append("--- ").append(service).append(": warnings\n");
                try (Stream<String> lines = Files.lines(log)) {
                    lines.filter(line -> line.contains(" WARN ") || line.contains(" ERROR ") || line.contains("RedisOutage"))
                            .map(line -> line.length() > 400 ? line.substring(0, 400) : line)
                            .forEach(line -> report.append(line).append('\n'));
                }
            }
        }
        return report.toString();
    }

    /** The video's favorite_count in its author's list (-1: not listed). */
    private static long countOf(Account author, long video) throws Exception {
        for (JsonNode listed : ok(get("/douyin/publish/list/?user_id=" + author.id())).get("video_list")) {
            if (listed.get("id").asLong() == video) {
                return listed.get("favorite_count").asLong();
            }
        }
        return -1;
    }
}
