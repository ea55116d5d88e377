package com.douyin.writebehind;

import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.common.redis.RedissonAutoConfiguration;
import com.douyin.common.testing.LocalRedisCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * {@link ToggleSetIT} on a real Redis Cluster of three primaries ({@link LocalRedisCluster}), where a
 * switch's step changes only its set, its answer and its journal shard (one slot) and leaves the
 * counters and derived keys, other slots, to later steps; and what only a cluster has: the relay
 * takes again the later steps of a change whose caller died before them, each counter moved once.
 */
class ToggleSetClusterIT extends ToggleSetIT {

    private LocalRedisCluster cluster;

    @Override
    protected RedissonClient redis() throws Exception {
        cluster = LocalRedisCluster.start(17131);
        return new RedissonAutoConfiguration().redissonClient(cluster.properties());
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private String counter(String hash) {
        return redisson.<String, String>getMap(hash, StringCodec.INSTANCE).get("likes");
    }

    @Test
    void theRelayTakesTheLaterStepsOfAChangeWhoseCallerDiedBeforeThemAndMovesNothingTwice() {
        String hash = "toggle-it:counters:relayed";
        redisson.getMap(hash, StringCodec.INSTANCE).put("likes", "5");
        List<ToggleSet.Counter> counters = List.of(new ToggleSet.Counter(hash, "likes"));
        String derived = "toggle-it:derived:hal";
        ChangeJournal journal = journal("hal");
        ToggleSet hal = new ToggleSet(redisson, likedSet("hal"), journal);

        ToggleSet.Flip died = hal.flip(ToggleSet.newFlipId(), "video-1", +1, counters, "hal:1", List.of(derived));
        ToggleSet.Flip sent = hal.flip(ToggleSet.newFlipId(), "video-2", +1, counters, "hal:2"); // its caller died after its later steps
        assertThat(counter(hash)).isEqualTo("7");
        // The first caller died between its step and its later steps: its move and its delete never happened.
        redisson.getMap(hash, StringCodec.INSTANCE).put("likes", "6");
        redisson.getKeys().delete(LaterSteps.markerOf(hash, died.journalEntry()));
        redisson.getBucket(derived, StringCodec.INSTANCE).set("computed before the change");

        List<String> relayed = new ArrayList<>();
        int handedOn = journal.relay(Duration.ZERO, ChangeJournal.Entry::record, records -> {
            relayed.addAll(records);
            return List.of();
        });

        assertThat(handedOn).isEqualTo(2);
        assertThat(relayed).containsExactly("hal:1", "hal:2");
        assertThat(counter(hash)).as("the dead caller's move made once, the other's not again").isEqualTo("7");
        assertThat(redisson.getKeys().countExists(derived)).as("the derived key deleted by the relay").isZero();

        LaterSteps.takeAgain(redisson, journal.unacknowledged(Duration.ZERO, 100)); // a second relay before the acknowledgements
        LaterSteps.takeAgain(redisson, List.of(new ChangeJournal.Entry(died.journalEntry(), "hal:1", died.sequence(),
                LaterSteps.encode(List.of(new LaterSteps.Move(hash, "likes", 1)), List.of()))));
        assertThat(counter(hash)).isEqualTo("7");
    }

    @Test
    void aChangeWhoseLaterStepsFailNamesTheKeysTheyLeftForItsCallerToDrop() {
        String broken = "toggle-it:counters:broken"; // not a hash: its move fails, as on a primary that died
        redisson.getBucket(broken, StringCodec.INSTANCE).set("a string");
        String derived = "toggle-it:derived:ivy";
        ToggleSet ivy = new ToggleSet(redisson, likedSet("ivy"), journal("ivy"));

        ToggleSet.Flip flip = ivy.flip(ToggleSet.newFlipId(), "video-1", +1, List.of(new ToggleSet.Counter(broken, "likes")), "ivy:1",
                List.of(derived));

        assertThat(flip.changed()).isTrue();
        assertThat(flip.keysLeft()).containsExactly(broken, derived);
        assertThat(ivy.set().set().contains("video-1")).as("the set changed in its own step").isTrue();

        ToggleSet.Flip fine = ivy.flip(ToggleSet.newFlipId(), "video-2", +1, List.of(), "ivy:2");
        assertThat(fine.keysLeft()).as("later steps taken").isEmpty();
    }

    @Test
    void aBatchOfUsersSpreadOverThePrimariesMovesEveryVideosCounterOncePerLike() {
        List<String> users = IntStream.range(0, 30).mapToObj(i -> "spread-" + i).toList();
        Set<Integer> primaries = users.stream().map(user -> slotOwner(likedSet(user).set().getName())).collect(Collectors.toSet());
        assertThat(primaries).as("the users' sets and journal shards on every primary").hasSize(3);
        List<String> videos = List.of("toggle-it:video:1", "toggle-it:video:2", "toggle-it:video:3");
        videos.forEach(video -> redisson.getMap(video, StringCodec.INSTANCE).put("likes", "100"));

        List<ToggleSet.Switch> batch = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            String video = videos.get(i % 3);
            batch.add(new ToggleSet.Switch(likes(users.get(i)), ToggleSet.newFlipId(), video, +1,
                    List.of(new ToggleSet.Counter(video, "likes")), users.get(i) + ":" + video));
        }
        List<ToggleSet.Flip> flips = ToggleSet.flipAll(redisson, batch);
        assertThat(flips).allMatch(ToggleSet.Flip::changed);
        assertThat(ToggleSet.flipAll(redisson, batch)).as("asked again, as after an error").isEqualTo(flips);

        videos.forEach(video -> assertThat(counter(video)).as(video).isEqualTo("110"));
        assertThat(users).allMatch(user -> journal(user).unacknowledged(Duration.ZERO, 10).size() == 1);
    }

    /** Which third of the slots (one primary each, as {@code redis-cli --cluster create} spreads them) holds the key. */
    private int slotOwner(String key) {
        return redisson.getKeys().getSlot(key) * 3 / 16384;
    }
}
