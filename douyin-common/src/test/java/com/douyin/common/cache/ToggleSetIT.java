package com.douyin.common.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.common.testing.ItDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/** Switches against the machine's real Redis (the ITs' database): counters move once per real change, and once per switch ID. */
class ToggleSetIT {

    private static RedissonClient redisson;

    @BeforeAll
    static void connect() {
        redisson = ItDatabase.emptyRedis();
    }

    @AfterAll
    static void disconnect() {
        redisson.shutdown();
    }

    private static ToggleSet likes(String user) {
        return new ToggleSet(redisson, new CompleteSortedSet(redisson, "toggle-it:liked:" + user, Map::of, null));
    }

    private static String count() {
        return redisson.<String, String>getMap("toggle-it:counters", StringCodec.INSTANCE).get("likes");
    }

    @Test
    void aSwitchAskedAgainWithItsIdGetsItsFirstAnswerAndMovesNothingTwice() {
        redisson.getMap("toggle-it:counters", StringCodec.INSTANCE).put("likes", "0");
        List<ToggleSet.Counter> counters = List.of(new ToggleSet.Counter("toggle-it:counters", "likes"));
        ToggleSet ann = likes("ann");

        String like = ToggleSet.newFlipId();
        ToggleSet.Flip first = ann.flip(like, "video-1", +1, counters);
        ToggleSet.Flip again = ann.flip(like, "video-1", +1, counters);
        assertThat(first.changed()).isTrue();
        assertThat(again).as("the same switch asked again").isEqualTo(first);
        assertThat(count()).isEqualTo("1");

        ToggleSet.Flip repeat = ann.flip(ToggleSet.newFlipId(), "video-1", +1, counters);
        assertThat(repeat.changed()).as("a new like of a liked video").isFalse();
        assertThat(count()).isEqualTo("1");

        String unlike = ToggleSet.newFlipId();
        ToggleSet.Flip off = ann.flip(unlike, "video-1", -1, counters);
        assertThat(off.changed()).isTrue();
        assertThat(off.sequence()).isGreaterThan(first.sequence());
        assertThat(ann.flip(unlike, "video-1", -1, counters)).isEqualTo(off);
        assertThat(count()).isEqualTo("0");
        assertThat(ann.set().set().contains("video-1")).isFalse();
    }
}
