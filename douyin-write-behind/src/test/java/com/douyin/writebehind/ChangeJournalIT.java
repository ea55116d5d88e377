package com.douyin.writebehind;

import com.douyin.common.cache.CompleteSortedSet;
import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.common.testing.ItDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.client.codec.StringCodec;

/**
 * The journal against the machine's real Redis: a change whose call died before it sent it on is
 * handed on by the relay; what the store could not take stays for the next relay.
 */
class ChangeJournalIT {

    private static RedissonClient redisson;

    @BeforeAll
    static void connect() {
        redisson = ItDatabase.emptyRedis();
    }

    @AfterAll
    static void disconnect() {
        redisson.shutdown();
    }

    @Test
    void theRelayHandsOnWhatWasNeverAcknowledgedAndKeepsWhatItCouldNotStore() throws Exception {
        ChangeJournal journal = new ChangeJournal(redisson, "journal-it:likes", "j");
        ToggleSet eve = new ToggleSet(redisson, new CompleteSortedSet(redisson, "journal-it:liked:" + ChangeJournal.tag("j", 7) + ":eve", Map::of, null), journal);
        List<ToggleSet.Counter> none = List.of();
        ToggleSet.Flip sent = eve.flip(ToggleSet.newFlipId(), "video-1", +1, none, "eve:1:+1");
        ToggleSet.Flip callDied = eve.flip(ToggleSet.newFlipId(), "video-2", +1, none, "eve:2:+1");
        ToggleSet.Flip refused = eve.flip(ToggleSet.newFlipId(), "video-3", +1, none, "eve:3:+1");
        journal.acknowledge(List.of(sent.journalEntry()));

        List<ChangeJournal.Entry> left = awaitUnacknowledged(journal, 2);
        assertThat(left).extracting(ChangeJournal.Entry::id).containsExactly(callDied.journalEntry(), refused.journalEntry());

        List<String> stored = new ArrayList<>();
        int relayed = journal.relay(Duration.ZERO, ChangeJournal.Entry::record, records -> {
            stored.addAll(records);
            return records.stream().filter(r -> r.startsWith("eve:3")).toList(); // the store could not take this one
        });
        assertThat(relayed).isEqualTo(1);
        assertThat(stored).containsExactly("eve:2:+1", "eve:3:+1");
        assertThat(awaitUnacknowledged(journal, 1)).extracting(ChangeJournal.Entry::number).containsExactly(refused.sequence());
    }

    /** The acknowledgement is asynchronous: waits (briefly) until {@code count} entries are left. */
    private static List<ChangeJournal.Entry> awaitUnacknowledged(ChangeJournal journal, int count) throws InterruptedException {
        List<ChangeJournal.Entry> left = journal.unacknowledged(Duration.ZERO, 100);
        for (int i = 0; i < 50 && left.size() != count; i++) {
            Thread.sleep(20);
            left = journal.unacknowledged(Duration.ZERO, 100);
        }
        return left;
    }

    /** A journal of one stream, as it was before shards: what an upgrade finds there is relayed and acknowledged. */
    @Test
    void theRelayHandsOnWhatTheUnshardedJournalOfBeforeHolds() throws Exception {
        ChangeJournal journal = new ChangeJournal(redisson, "journal-it:before", "b");
        redisson.<String, String>getStream("journal-it:before", StringCodec.INSTANCE)
                .add(StreamAddArgs.entries(Map.of("r", "ann:9:+1", "n", "42")));

        List<String> stored = new ArrayList<>();
        assertThat(journal.relay(Duration.ZERO, ChangeJournal.Entry::record, records -> {
            stored.addAll(records);
            return List.of();
        })).isEqualTo(1);
        assertThat(stored).containsExactly("ann:9:+1");
        assertThat(awaitUnacknowledged(journal, 0)).isEmpty();
    }
}
