package com.douyin.common.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.douyin.common.testing.LocalRedisCluster;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * The services' Redis client on a real Redis Cluster of three primaries ({@link LocalRedisCluster}),
 * configured as {@code douyin.redis.cluster} does: keys spread over the primaries and each write is
 * read back; a script runs when its keys share one hash tag (as every script of the services whose
 * keys belong to one thing names them) and is refused when they fall in different slots; the
 * outage ping tells a cluster serving every slot from one that lost a primary.
 */
class RedisClusterIT {

    private static final String COUNT_BOTH = "return {redis.call('INCR', KEYS[1]), redis.call('INCR', KEYS[2])}";

    private static LocalRedisCluster cluster;
    private static RedissonClient client;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = LocalRedisCluster.start(17101);
        client = new RedissonAutoConfiguration().redissonClient(cluster.properties());
    }

    @AfterAll
    static void stopCluster() {
        if (client != null) {
            client.shutdown();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void keysSpreadOverThePrimariesAndEachWriteIsReadBack() throws Exception {
        for (int i = 0; i < 300; i++) {
            client.getBucket("spread:" + i, StringCodec.INSTANCE).set("value " + i);
        }
        for (int i = 0; i < 300; i++) {
            assertThat(client.<String>getBucket("spread:" + i, StringCodec.INSTANCE).get()).isEqualTo("value " + i);
        }
        for (int port : cluster.ports()) {
            assertThat(keysOn(port)).as("keys on the primary at %d", port).isBetween(50L, 200L);
        }
    }

    @Test
    void aScriptRunsWhenItsKeysShareAHashTagAndIsRefusedWhenTheirSlotsDiffer() {
        List<Object> tagged = List.of("calls:{42}:minute", "calls:{42}:day");
        List<Long> counts = client.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, COUNT_BOTH, RScript.ReturnType.MULTI, tagged);
        assertThat(counts).containsExactly(1L, 1L);

        List<Object> untagged = List.of("calls:42:minute", "calls:42:day"); // slots 9353 and 1651: two primaries
        assertThatThrownBy(() -> client.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, COUNT_BOTH, RScript.ReturnType.MULTI, untagged))
                .isInstanceOf(RedisException.class);
        assertThat(client.getBucket("calls:42:minute", StringCodec.INSTANCE).isExists()).isFalse();
    }

    /**
     * A script no primary has run yet, pipelined to all three (Redisson's own script for the scores
     * of several members, as the relation provider pipelines it): each runs it. With Redisson's
     * script cache a pipeline sends EVALSHA, which a server that has not seen the script answers
     * NOSCRIPT, and Redisson fails the command rather than send the text.
     */
    @Test
    void aPipelinedScriptNoPrimaryHasRunYetRunsOnEachOfThem() {
        for (int i = 0; i < 30; i++) { // thirty sets: every primary holds some
            client.<String>getScoredSortedSet("pipelined:" + i, StringCodec.INSTANCE).add(i, "member");
        }
        RBatch batch = client.createBatch();
        List<RFuture<List<Double>>> answers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            answers.add(batch.<String>getScoredSortedSet("pipelined:" + i, StringCodec.INSTANCE).getScoreAsync(List.of("member", "other")));
        }
        batch.execute();
        for (int i = 0; i < 30; i++) {
            assertThat(answers.get(i).toCompletableFuture().join()).containsExactly((double) i, null);
        }
    }

    @Test
    void thePingSaysTheClusterAnswersUntilAPrimaryDiesFromTheMomentItDies() throws Exception {
        // A cluster of its own: the other tests' cluster stays whole whatever order the tests run in.
        try (LocalRedisCluster doomed = LocalRedisCluster.start(17111); RedisPing ping = new RedisPing(doomed.properties())) {
            assertThat(ping.answers()).isTrue();
            doomed.kill(doomed.ports().get(1)); // not the node the ping asks first, which still says the cluster is ok
            assertThat(ping.answers()).as("at once, before the others mark it failed (after the node timeout)").isFalse();
            Thread.sleep(3_000);
            assertThat(ping.answers()).as("once the cluster marked it failed: no replica takes its slots").isFalse();
        }
    }

    private static long keysOn(int port) throws Exception {
        Process dbsize = new ProcessBuilder("redis-cli", "-p", "" + port, "dbsize").redirectErrorStream(true).start();
        String answer = new String(dbsize.getInputStream().readAllBytes()).strip();
        dbsize.waitFor();
        return Long.parseLong(answer);
    }
}
