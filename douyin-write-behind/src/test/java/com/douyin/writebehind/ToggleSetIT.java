package com.douyin.writebehind;

import com.douyin.api.cache.CachedEntity;
import com.douyin.common.cache.CompleteSortedSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.douyin.common.testing.ItDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Switches against the machine's real Redis (the ITs' database): counters move once per real
 * change, and once per switch ID. {@link ToggleSetClusterIT} runs the same on a Redis Cluster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ToggleSetIT {

    protected RedissonClient redisson;

    @BeforeAll
    void connect() throws Exception {
        redisson = redis();
    }

    /** The Redis these tests run on, empty. */
    protected RedissonClient redis() throws Exception {
        return ItDatabase.emptyRedis();
    }

    @AfterAll
    void disconnect() {
        redisson.shutdown();
    }

    /** Each user's own journal, so that tests do not see each other's entries. */
    protected ChangeJournal journal(String user) {
        return new ChangeJournal(redisson, "toggle-it:journal:" + user, "t");
    }

    /** A user's set: tagged with a shard of the user's journal (each user a shard of their own, spread over the slots). */
    protected CompleteSortedSet likedSet(String user) {
        return new CompleteSortedSet(redisson, "toggle-it:liked:" + ChangeJournal.tag("t", user.hashCode()) + ":" + user, Map::of, null);
    }

    protected ToggleSet likes(String user) {
        return new ToggleSet(redisson, likedSet(user), journal(user));
    }

    private String count() {
        return redisson.<String, String>getMap("toggle-it:counters", StringCodec.INSTANCE).get("likes");
    }

    @Test
    void aSwitchAskedAgainWithItsIdGetsItsFirstAnswerAndMovesNothingTwice() {
        redisson.getMap("toggle-it:counters", StringCodec.INSTANCE).put("likes", "0");
        List<ToggleSet.Counter> counters = List.of(new ToggleSet.Counter("toggle-it:counters", "likes"));
        ToggleSet ann = likes("ann");

        String like = ToggleSet.newFlipId();
        ToggleSet.Flip first = ann.flip(like, "video-1", +1, counters, "r");
        ToggleSet.Flip again = ann.flip(like, "video-1", +1, counters, "r");
        assertThat(first.changed()).isTrue();
        assertThat(again).as("the same switch asked again").isEqualTo(first);
        assertThat(count()).isEqualTo("1");

        ToggleSet.Flip repeat = ann.flip(ToggleSet.newFlipId(), "video-1", +1, counters, "r");
        assertThat(repeat.changed()).as("a new like of a liked video").isFalse();
        assertThat(count()).isEqualTo("1");

        String unlike = ToggleSet.newFlipId();
        ToggleSet.Flip off = ann.flip(unlike, "video-1", -1, counters, "r");
        assertThat(off.changed()).isTrue();
        assertThat(off.sequence()).isGreaterThan(first.sequence());
        assertThat(ann.flip(unlike, "video-1", -1, counters, "r")).isEqualTo(off);
        assertThat(count()).isEqualTo("0");
        assertThat(ann.set().set().contains("video-1")).isFalse();
    }

    @Test
    void aPipelineRedisAnswersInPartThrowsWithTheAnsweredSwitchesDoneAndNoneForTheOthers() {
        ToggleSet kim = likes("kim");
        ToggleSet lou = likes("lou");
        // Lou's set is not a sorted set: his switch fails, as one on a primary that died.
        redisson.getBucket(likedSet("lou").set().getName(), StringCodec.INSTANCE).set("not a set");
        List<ToggleSet.Switch> batch = List.of(
                new ToggleSet.Switch(kim, ToggleSet.newFlipId(), "video-1", +1, List.of(), "kim:1"),
                new ToggleSet.Switch(lou, ToggleSet.newFlipId(), "video-1", +1, List.of(), "lou:1"));

        assertThatThrownBy(() -> ToggleSet.flipAll(redisson, batch)).isInstanceOfSatisfying(ToggleSet.PartlyAnswered.class, e -> {
            assertThat(e.flips().get(0).changed()).as("Kim's answered, and done").isTrue();
            assertThat(e.flips().get(1)).as("Lou's unanswered").isNull();
        });
        assertThat(kim.set().set().contains("video-1")).isTrue();
        assertThat(journal("kim").unacknowledged(Duration.ZERO, 10)).hasSize(1);
    }

    @Test
    void aBatchOfSwitchesMovesEachAsAloneLoadsMissingSetsAndMovesNothingTwiceWhenAskedAgain() {
        redisson.getMap("toggle-it:counters", StringCodec.INSTANCE).put("likes", "10");
        List<ToggleSet.Counter> counters = List.of(new ToggleSet.Counter("toggle-it:counters", "likes"));
        ToggleSet bea = likes("bea");
        bea.flip(ToggleSet.newFlipId(), "video-1", +1, counters, "r"); // loaded, video-1 liked: count 11
        ToggleSet cal = likes("cal"); // never used: its set is not in Redis yet
        List<ToggleSet.Switch> batch = List.of(
                new ToggleSet.Switch(bea, ToggleSet.newFlipId(), "video-2", +1, counters, "r"), // a change
                new ToggleSet.Switch(bea, ToggleSet.newFlipId(), "video-1", +1, counters, "r"), // a repeat
                new ToggleSet.Switch(cal, ToggleSet.newFlipId(), "video-1", +1, counters, "r"), // a change, set loaded first
                new ToggleSet.Switch(bea, ToggleSet.newFlipId(), "video-3", -1, counters, "r")); // unliking what is not liked

        List<ToggleSet.Flip> flips = ToggleSet.flipAll(redisson, batch);
        assertThat(flips).extracting(ToggleSet.Flip::changed).containsExactly(true, false, true, false);
        assertThat(flips.get(0).sequence()).isPositive();
        assertThat(count()).isEqualTo("13");
        assertThat(bea.set().set().readAll()).contains("video-1", "video-2").doesNotContain("video-3");
        assertThat(cal.set().set().readAll()).contains("video-1");

        assertThat(ToggleSet.flipAll(redisson, batch)).as("the same batch asked again, as after an error").isEqualTo(flips);
        assertThat(count()).isEqualTo("13");
    }

    @Test
    void eachChangeIsJournaledOnceWithItsSequenceAndRepeatsAreNot() {
        List<ToggleSet.Counter> counters = List.of(new ToggleSet.Counter("toggle-it:counters", "likes"));
        ToggleSet dan = likes("dan");
        String like = ToggleSet.newFlipId();
        ToggleSet.Flip on = dan.flip(like, "video-1", +1, counters, "dan:video-1:+1");
        assertThat(dan.flip(like, "video-1", +1, counters, "dan:video-1:+1")).as("asked again: the same entry").isEqualTo(on);
        assertThat(dan.flip(ToggleSet.newFlipId(), "video-1", +1, counters, "dan:video-1:+1").journalEntry()).as("a repeat").isNull();
        ToggleSet.Flip off = dan.flip(ToggleSet.newFlipId(), "video-1", -1, counters, "dan:video-1:-1");

        List<ChangeJournal.Entry> entries = journal("dan").unacknowledged(Duration.ZERO, 100);
        assertThat(entries).extracting(ChangeJournal.Entry::id).containsExactly(on.journalEntry(), off.journalEntry());
        assertThat(entries).extracting(ChangeJournal.Entry::record).containsExactly("dan:video-1:+1", "dan:video-1:-1");
        assertThat(entries).extracting(ChangeJournal.Entry::number).containsExactly(on.sequence(), off.sequence());
        assertThat(journal("dan").unacknowledged(Duration.ofMinutes(1), 100)).as("entries still in their call's hands").isEmpty();
    }

    @Test
    void aChangeDeletesTheDerivedKeysInTheSameStepAndARepeatLeavesThem() {
        ToggleSet eve = likes("eve");
        List<String> derived = List.of("toggle-it:derived:a", "toggle-it:derived:b");
        derived.forEach(key -> redisson.getBucket(key, StringCodec.INSTANCE).set("computed from the set"));

        assertThat(eve.flip(ToggleSet.newFlipId(), "video-1", +1, List.of(), "r", derived).changed()).isTrue();
        assertThat(redisson.getKeys().countExists(derived.toArray(String[]::new))).as("dropped by the change").isZero();

        derived.forEach(key -> redisson.getBucket(key, StringCodec.INSTANCE).set("computed again"));
        assertThat(eve.flip(ToggleSet.newFlipId(), "video-1", +1, List.of(), "r", derived).changed()).isFalse();
        assertThat(redisson.getKeys().countExists(derived.toArray(String[]::new))).as("kept: a repeat changes nothing").isEqualTo(2);
    }

    /** A hash about to expire would be rebuilt from MySQL, which lacks the change until its event arrives. */
    @Test
    void aCounterHashAChangeMovedLivesOnLongerThanAChangeTakesToReachMysql() {
        redisson.getMap("toggle-it:expiring", StringCodec.INSTANCE).put("likes", "3");
        redisson.getMap("toggle-it:expiring", StringCodec.INSTANCE).expire(Duration.ofSeconds(5));
        List<ToggleSet.Counter> counters = List.of(new ToggleSet.Counter("toggle-it:expiring", "likes"));

        likes("dee").flip(ToggleSet.newFlipId(), "video-1", +1, counters, "r");

        assertThat(redisson.getMap("toggle-it:expiring", StringCodec.INSTANCE).get("likes")).isEqualTo("4");
        assertThat(redisson.getMap("toggle-it:expiring", StringCodec.INSTANCE).remainTimeToLive())
                .isGreaterThan(CachedEntity.KEPT_AFTER_CHANGE_MS - 60_000);
    }

    /**
     * A change whose counter hash Redis does not hold waits for its owner to cache it (from MySQL,
     * which does not have the change yet), then moves it: a reader never builds the hash without it.
     */
    @Test
    void aChangeHasTheOwnersCacheAMissingCounterHashFirstAndThenMovesIt() {
        List<String> asked = new ArrayList<>();
        ToggleSet.CounterOwners owners = keys -> {
            asked.addAll(keys);
            keys.forEach(key -> redisson.getMap(key, StringCodec.INSTANCE).put("likes", "7")); // what MySQL holds
        };
        ToggleSet gil = new ToggleSet(redisson, likedSet("gil"), journal("gil"), owners);
        List<ToggleSet.Counter> counters = List.of(new ToggleSet.Counter("toggle-it:cold", "likes"));

        assertThat(gil.flip(ToggleSet.newFlipId(), "video-1", +1, counters, "r").changed()).isTrue();
        assertThat(asked).containsExactly("toggle-it:cold");
        assertThat(redisson.getMap("toggle-it:cold", StringCodec.INSTANCE).get("likes")).isEqualTo("8");

        assertThat(gil.flip(ToggleSet.newFlipId(), "video-1", +1, counters, "r").changed()).as("a repeat").isFalse();
        assertThat(asked).as("a repeat asks no one").hasSize(1);

        redisson.getKeys().delete("toggle-it:cold", "toggle-it:batch-cold");
        List<ToggleSet.Flip> batch = ToggleSet.flipAll(redisson, List.of(
                new ToggleSet.Switch(gil, ToggleSet.newFlipId(), "video-1", -1, counters, "r"),
                new ToggleSet.Switch(gil, ToggleSet.newFlipId(), "video-2", +1,
                        List.of(new ToggleSet.Counter("toggle-it:batch-cold", "likes")), "r")));
        assertThat(batch).extracting(ToggleSet.Flip::changed).containsExactly(true, true);
        assertThat(asked).as("one request for the batch's missing hashes").containsExactly("toggle-it:cold", "toggle-it:cold", "toggle-it:batch-cold");
        assertThat(redisson.getMap("toggle-it:cold", StringCodec.INSTANCE).get("likes")).isEqualTo("6");
        assertThat(redisson.getMap("toggle-it:batch-cold", StringCodec.INSTANCE).get("likes")).isEqualTo("8");
    }

    /** Owners that cannot answer (their provider is down) do not stop the change: it moves what Redis holds. */
    @Test
    void aChangeGoesAheadWhenTheOwnersCannotCacheItsCounters() {
        ToggleSet fay = new ToggleSet(redisson, likedSet("fay"), journal("fay"),
                keys -> {
                    throw new IllegalStateException("no provider available");
                });

        ToggleSet.Flip like = fay.flip(ToggleSet.newFlipId(), "video-1", +1,
                List.of(new ToggleSet.Counter("toggle-it:unreachable", "likes")), "r");

        assertThat(like.changed()).isTrue();
        assertThat(fay.set().set().contains("video-1")).isTrue();
        assertThat(redisson.getKeys().countExists("toggle-it:unreachable")).isZero();
    }
}
