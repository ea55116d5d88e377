package com.douyin.e2e;

import static com.douyin.e2e.ApiClient.awaitBrokerRecovered;
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
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Likes through the gateway, checked against the rows and cached counters they must leave. */
@ExtendWith(DouyinSystem.class)
class FavoriteApiEndToEndIT {

    static JsonNode favorite(Account who, long videoId, int actionType) throws Exception {
        return ok(post("/douyin/favorite/action/", form("token", who.token(), "video_id", Long.toString(videoId),
                "action_type", Integer.toString(actionType))));
    }

    private static long videoFavoriteCount(Account author, long videoId) throws Exception {
        for (JsonNode v : ok(get("/douyin/publish/list/?user_id=" + author.id())).get("video_list")) {
            if (v.get("id").asLong() == videoId) return v.get("favorite_count").asLong();
        }
        throw new AssertionError("video " + videoId + " not in its author's list");
    }

    @Test
    void likeTwiceCountsOnceAndUnlikeUndoesIt() throws Exception {
        Account author = newAccount();
        Account fan = newAccount();
        long videoId = publishSample(author, "like me");
        videoFavoriteCount(author, videoId); // cached now: the like moves the cached count at once

        assertThat(favorite(fan, videoId, 1).get("status_code").asInt()).isZero();
        assertThat(favorite(fan, videoId, 1).get("status_code").asInt()).isZero();
        assertThat(videoFavoriteCount(author, videoId)).isEqualTo(1);

        JsonNode liked = ok(get("/douyin/favorite/list/?user_id=" + fan.id() + "&token=" + fan.token())).get("video_list");
        assertThat(liked).hasSize(1);
        assertThat(liked.get(0).get("id").asLong()).isEqualTo(videoId);
        assertThat(liked.get(0).get("is_favorite").asBoolean()).isTrue();
        JsonNode authorsList = ok(get("/douyin/publish/list/?user_id=" + author.id() + "&token=" + fan.token())).get("video_list");
        assertThat(authorsList.get(0).get("is_favorite").asBoolean()).isTrue();
        JsonNode anonymous = ok(get("/douyin/publish/list/?user_id=" + author.id())).get("video_list");
        assertThat(anonymous.get(0).get("is_favorite").asBoolean()).isFalse();

        try (SystemStores stores = new SystemStores()) {
            assertThat(stores.await(1, "SELECT favorite_count FROM video WHERE id = ?", videoId)).isEqualTo(1);
            assertThat(stores.await(1, "SELECT total_favorited FROM user WHERE id = ?", author.id())).isEqualTo(1);
            assertThat(stores.await(1, "SELECT favorite_count FROM user WHERE id = ?", fan.id())).isEqualTo(1);
            assertThat(stores.await(1, "SELECT liked FROM favorite WHERE user_id = ? AND video_id = ?", fan.id(), videoId)).isEqualTo(1);

            assertThat(favorite(fan, videoId, 2).get("status_code").asInt()).isZero();
            assertThat(favorite(fan, videoId, 2).get("status_code").asInt()).isZero();
            assertThat(videoFavoriteCount(author, videoId)).isZero();
            assertThat(ok(get("/douyin/favorite/list/?user_id=" + fan.id())).get("video_list")).isEmpty();
            assertThat(stores.await(0, "SELECT favorite_count FROM video WHERE id = ?", videoId)).isZero();
            assertThat(stores.await(0, "SELECT liked FROM favorite WHERE user_id = ? AND video_id = ?", fan.id(), videoId)).isZero();
        }
    }

    @Test
    void unlikingWhatWasNeverLikedChangesNothingAndBadInputIsRefused() throws Exception {
        Account author = newAccount();
        Account fan = newAccount();
        long videoId = publishSample(author, "never liked");
        assertThat(favorite(fan, videoId, 2).get("status_code").asInt()).isZero();
        assertThat(videoFavoriteCount(author, videoId)).isZero();

        JsonNode unknown = favorite(fan, 123456789L, 1);
        assertThat(unknown.get("status_code").asInt()).isNotZero();
        assertThat(unknown.get("status_msg").asText()).contains("does not exist");
        assertThat(favorite(fan, videoId, 3).get("status_msg").asText()).contains("action_type");
        JsonNode anonymous = ok(post("/douyin/favorite/action/", form("video_id", Long.toString(videoId), "action_type", "1")));
        assertThat(anonymous.get("status_code").asInt()).isNotZero();
    }

    /**
     * The broker stops in the middle: likes keep succeeding (the circuit breaker sends them down
     * the synchronous path), and when it is back every count is still exact, nothing twice.
     */
    @Test
    void likesKeepWorkingWhileTheBrokerIsDownAndCountOnceWhenItIsBack() throws Exception {
        Account author = newAccount();
        long videoId = publishSample(author, "broker drill");
        videoFavoriteCount(author, videoId);
        List<Account> fans = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            fans.add(newAccount());
        }
        for (Account fan : fans.subList(0, 10)) {
            assertThat(favorite(fan, videoId, 1).get("status_code").asInt()).isZero();
        }
        try (SystemStores stores = new SystemStores()) {
            // Consumed before the broker stops: one still in the broker would reach MySQL only once
            // it is back, and the check below is of what the outage wrote synchronously.
            assertThat(stores.await(10, "SELECT favorite_count FROM video WHERE id = ?", videoId)).isEqualTo(10);
        }
        Launcher.run("stop broker", "e2e-launcher", Duration.ofMinutes(2));
        try {
            // At once, so the gateway sends them to the provider together: a batch the broker cannot take.
            ExecutorService pool = Executors.newFixedThreadPool(10);
            List<Future<JsonNode>> answers = new ArrayList<>();
            for (Account fan : fans.subList(10, 20)) {
                answers.add(pool.submit(() -> favorite(fan, videoId, 1)));
            }
            for (Future<JsonNode> answer : answers) {
                assertThat(answer.get().get("status_code").asInt()).as("like with the broker down").isZero();
            }
            pool.shutdown();
            for (Account fan : fans.subList(0, 5)) {
                assertThat(favorite(fan, videoId, 2).get("status_code").asInt()).as("unlike with the broker down").isZero();
            }
            assertThat(videoFavoriteCount(author, videoId)).isEqualTo(15);
            try (SystemStores stores = new SystemStores()) {
                // Written synchronously: in MySQL already, with no broker.
                assertThat(stores.await(15, "SELECT favorite_count FROM video WHERE id = ?", videoId)).isEqualTo(15);
            }
        } finally {
            Launcher.run("start broker", "e2e-launcher", Duration.ofMinutes(3));
        }
        awaitBrokerRecovered();
        for (Account fan : fans.subList(0, 5)) {
            assertThat(favorite(fan, videoId, 1).get("status_code").asInt()).isZero();
        }
        assertThat(videoFavoriteCount(author, videoId)).isEqualTo(20);
        try (SystemStores stores = new SystemStores()) {
            assertThat(stores.await(20, "SELECT favorite_count FROM video WHERE id = ?", videoId)).isEqualTo(20);
            assertThat(stores.await(20, "SELECT COUNT(*) FROM favorite WHERE video_id = ? AND liked = 1", videoId)).isEqualTo(20);
            assertThat(stores.await(20, "SELECT total_favorited FROM user WHERE id = ?", author.id())).isEqualTo(20);
            assertThat(stores.await(0, "SELECT COUNT(*) FROM favorite_outbox")).isZero();
            Thread.sleep(3000); // anything still in flight would land now: the counts must not move
            assertThat(stores.queryLong("SELECT favorite_count FROM video WHERE id = ?", videoId)).isEqualTo(20);
            assertThat(stores.queryLong("SELECT total_favorited FROM user WHERE id = ?", author.id())).isEqualTo(20);
        }
    }

    /**
     * 1,000 like/unlike requests from 50 users at once on one video. Each user's own requests go
     * in order, so its last one is its final state; the counters must end equal to the number
     * of users whose last request was a like, in Redis, in MySQL and in the favorite rows. Among
     * them go likes of a video that does not exist: the gateway sends requests that arrive
     * together in one batch, and those alone must be refused.
     */
    @Test
    void aStormOfLikesAndUnlikesEndsWithExactCounters() throws Exception {
        Account author = newAccount();
        long videoId = publishSample(author, "storm");
        try (SystemStores stores = new SystemStores()) { // cached, so the Redis counter is checked too
            for (long deadline = System.currentTimeMillis() + 10_000;
                 !stores.redisHasKey("video:counters:" + videoId) && System.currentTimeMillis() < deadline; Thread.sleep(200)) {
                videoFavoriteCount(author, videoId);
            }
            assertThat(stores.redisHasKey("video:counters:" + videoId)).as("the video's counters cached").isTrue();
        }
        List<Account> fans = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fans.add(newAccount());
            // Each fan has opened the app once (an unlike of nothing: no change), so the storm
            // measures a running system rather than its first requests after start-up.
            assertThat(favorite(fans.get(i), videoId, 2).get("status_code").asInt()).isZero();
        }
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<Boolean>> finalStates = new ArrayList<>();
        for (int i = 0; i < fans.size(); i++) {
            Account fan = fans.get(i);
            Random random = new Random(i);
            finalStates.add(pool.submit(() -> {
                boolean likes = false;
                for (int n = 0; n < 20; n++) {
                    likes = random.nextBoolean();
                    assertThat(favorite(fan, videoId, likes ? 1 : 2).get("status_code").asInt()).isZero();
                    if (n % 5 == 0) {
                        assertThat(favorite(fan, 123456789L, 1).get("status_code").asInt()).as("a like of no video").isEqualTo(30005);
                    }
                }
                return likes;
            }));
        }
        long expected = 0;
        List<Boolean> states = new ArrayList<>();
        for (Future<Boolean> state : finalStates) {
            states.add(state.get());
            if (states.get(states.size() - 1)) expected++;
        }
        pool.shutdown();

        assertThat(videoFavoriteCount(author, videoId)).as("cached count").isEqualTo(expected);
        try (SystemStores stores = new SystemStores()) {
            assertThat(stores.hashField("video:counters:" + videoId, "favorite_count")).isEqualTo(Long.toString(expected));
            assertThat(stores.await(expected, "SELECT favorite_count FROM video WHERE id = ?", videoId)).isEqualTo(expected);
            assertThat(stores.await(expected, "SELECT COUNT(*) FROM favorite WHERE video_id = ? AND liked = 1", videoId))
                    .isEqualTo(expected);
            assertThat(stores.await(expected, "SELECT total_favorited FROM user WHERE id = ?", author.id())).isEqualTo(expected);
            for (int i = 0; i < fans.size(); i++) {
                long likes = states.get(i) ? 1 : 0;
                assertThat(stores.await(likes, "SELECT favorite_count FROM user WHERE id = ?", fans.get(i).id()))
                        .as("favorite_count of fan %d", i).isEqualTo(likes);
            }
        }
    }

    /**
     * A favorite provider instance killed (kill -9) in the middle of a like storm may die between
     * the Redis step of a change and its send to the broker. The journal written in that step is
     * handed on by the surviving instance (or the restarted one): once the storm is over, Redis,
     * the favorite rows and every counter in MySQL agree, for each video and each fan. Whether the
     * kill lands in that window is chance, so one fan's like is also left exactly as such a death
     * leaves it (in Redis and the journal, never sent).
     */
    @Test
    void aProviderKilledInTheMiddleOfALikeStormLosesNoChange() throws Exception {
        Account author = newAccount();
        List<Long> videos = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            videos.add(publishSample(author, "kill drill " + i));
        }
        List<Account> fans = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            fans.add(newAccount());
        }
        Account ghost = newAccount(); // not in the storm: its like is left unsent
        assertThat(favorite(ghost, videos.get(0), 2).get("status_code").asInt()).as("its liked set loaded").isZero();
        Launcher.run("start favorite 20893", "e2e-launcher", Duration.ofMinutes(3));
        AtomicBoolean storming = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(fans.size());
        List<Future<?>> storm = new ArrayList<>();
        try {
            for (int i = 0; i < fans.size(); i++) {
                Account fan = fans.get(i);
                Random random = new Random(i);
                storm.add(pool.submit(() -> {
                    while (storming.get()) { // answers ignored: calls to the dying instance fail
                        post("/douyin/favorite/action/", form("token", fan.token(), "video_id",
                                Long.toString(videos.get(random.nextInt(videos.size()))), "action_type", random.nextBoolean() ? "1" : "2"));
                    }
                    return null;
                }));
            }
            for (long deadline = System.currentTimeMillis() + 30_000;
                 changesServedOn(9113) < 20 && System.currentTimeMillis() < deadline; Thread.sleep(200)) {
            }
            assertThat(changesServedOn(9113)).as("batches of likes the second instance served").isGreaterThanOrEqualTo(20);
            long pid = Long.parseLong(Files.readString(Launcher.REPO.resolve(".run/pids/favorite-20893.pid")).trim());
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly)).as("kill -9 of favorite-20893").contains(true);
            Thread.sleep(2_000);
            try (SystemStores stores = new SystemStores()) {
                stores.leaveUnsentLike(ghost.id(), videos.get(0), author.id());
            }
        } finally {
            storming.set(false);
            for (Future<?> client : storm) {
                client.get();
            }
            pool.shutdown();
        }
        Launcher.run("start favorite 20893", "e2e-launcher", Duration.ofMinutes(3)); // its successor
        fans.add(ghost);
        try (SystemStores stores = new SystemStores()) {
            long totalLikes = 0;
            for (long videoId : videos) {
                long likes = 0;
                for (Account fan : fans) {
                    boolean liked = stores.sortedSetHolds(SystemStores.likedSetKey(fan.id()), Long.toString(videoId));
                    likes += liked ? 1 : 0;
                    assertThat(stores.await(liked ? 1 : 0, "SELECT COUNT(*) FROM favorite WHERE user_id = ? AND video_id = ? AND liked = 1",
                            fan.id(), videoId)).as("fan %d's like of video %d in MySQL", fan.id(), videoId).isEqualTo(liked ? 1 : 0);
                }
                totalLikes += likes;
                assertThat(stores.await(likes, "SELECT favorite_count FROM video WHERE id = ?", videoId)).as("video %d", videoId).isEqualTo(likes);
            }
            assertThat(stores.await(totalLikes, "SELECT total_favorited FROM user WHERE id = ?", author.id())).isEqualTo(totalLikes);
            for (Account fan : fans) {
                long liked = videos.stream().filter(v -> stores.sortedSetHolds(SystemStores.likedSetKey(fan.id()), Long.toString(v))).count();
                assertThat(stores.await(liked, "SELECT favorite_count FROM user WHERE id = ?", fan.id())).as("favorite_count of %d", fan.id()).isEqualTo(liked);
            }
        } finally {
            Launcher.run("stop favorite-20893", "e2e-launcher", Duration.ofMinutes(1));
        }
    }

    /** Batches of likes a favorite provider instance has served, from its Prometheus endpoint. */
    private static double changesServedOn(int metricsPort) throws Exception {
        return Math.max(0, PrometheusScrape.sample(PrometheusScrape.scrape("http://127.0.0.1:" + metricsPort + "/metrics"),
                "rpc_server_duration_seconds_count", "rpc_method=\"changeAll\""));
    }
}
