package com.douyin.relation.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.douyin.api.event.FollowChangedEvent;
import com.douyin.relation.dao.FollowRow;
import com.douyin.relation.dao.RecordingFollowMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rows a batch of follows and unfollows becomes, before SQL: one per (follower, followee)
 * pair, the pair's latest change by sequence, in pair order. That an older change does not
 * overwrite a stored row is the statement's part (FollowWriteBehindIT).
 */
class FollowRowWriterTest {

    private final RecordingFollowMapper statements = new RecordingFollowMapper();
    private final FollowRowWriter writer = new FollowRowWriter(statements);

    /** Sequences are Redis time in microseconds; this one is 2023-11-14T22:13:20.123456Z. */
    private static final long T = 1_700_000_000_123_456L;

    private static FollowChangedEvent follow(long follower, long followee, long sequence) {
        return new FollowChangedEvent(follower, followee, +1, sequence);
    }

    private static FollowChangedEvent unfollow(long follower, long followee, long sequence) {
        return new FollowChangedEvent(follower, followee, -1, sequence);
    }

    private List<FollowRow> storedRows() {
        assertThat(statements.upserts).as("one statement per batch").hasSize(1);
        return statements.upserts.get(0);
    }

    @Test
    void aFollowBecomesAFollowingRowWithItsSequenceAndItsMillisecondAsTheTimeOfTheFollow() {
        writer.store(List.of(follow(1, 2, T)));

        assertThat(storedRows()).containsExactly(new FollowRow(1, 2, true, 1_700_000_000_123L, T));
    }

    @Test
    void anUnfollowBecomesANotFollowingRow() {
        writer.store(List.of(unfollow(1, 2, T)));

        assertThat(storedRows()).containsExactly(new FollowRow(1, 2, false, 1_700_000_000_123L, T));
    }

    /** A follows B and B follows A are two rows: the direction is part of the pair. */
    @Test
    void aMutualFollowIsTwoRowsOnePerDirection() {
        writer.store(List.of(follow(2, 1, T), follow(1, 2, T + 1)));

        assertThat(storedRows()).containsExactly(new FollowRow(1, 2, true, 1_700_000_000_123L, T + 1),
                new FollowRow(2, 1, true, 1_700_000_000_123L, T));
    }

    @Test
    void aBatchIsOneStatementWithOneRowPerPairInFollowerThenFolloweeOrder() {
        writer.store(List.of(follow(2, 100, T), follow(1, 300, T + 1), follow(10, 5, T + 2), follow(1, 20, T + 3)));

        assertThat(storedRows()).extracting(FollowRow::followerId, FollowRow::followeeId)
                .containsExactly(tuple(1L, 20L), tuple(1L, 300L), tuple(2L, 100L), tuple(10L, 5L));
    }

    @Test
    void aFollowAndItsUnfollowInOneBatchStoreOnlyTheUnfollow() {
        writer.store(List.of(follow(1, 2, T), unfollow(1, 2, T + 5)));

        assertThat(storedRows()).containsExactly(new FollowRow(1, 2, false, 1_700_000_000_123L, T + 5));
    }

    /** Batches may deliver a pair's changes out of order: the sequence decides, not the position in the batch. */
    @Test
    void aChangeThatArrivesAfterALaterOneLosesToIt() {
        writer.store(List.of(follow(1, 2, T + 4_000), unfollow(1, 2, T + 2_000), follow(1, 2, T)));

        assertThat(storedRows()).containsExactly(new FollowRow(1, 2, true, 1_700_000_000_127L, T + 4_000));
    }

    @Test
    void theSameEventTwiceIsOneRow() {
        FollowChangedEvent follow = follow(1, 2, T);

        writer.store(List.of(follow, follow));

        assertThat(storedRows()).containsExactly(new FollowRow(1, 2, true, 1_700_000_000_123L, T));
    }

    /** "1:23" and "12:3" are different pairs, though a careless key would join them. */
    @Test
    void pairsWhoseIdsConcatenateAlikeAreKeptApart() {
        writer.store(List.of(follow(1, 23, T), follow(12, 3, T + 1), unfollow(1, 123, T + 2)));

        assertThat(storedRows()).extracting(FollowRow::followerId, FollowRow::followeeId, FollowRow::following)
                .containsExactly(tuple(1L, 23L, true), tuple(1L, 123L, false), tuple(12L, 3L, true));
    }

    @Test
    void anEmptyBatchRunsNoStatement() {
        writer.store(List.of());

        assertThat(statements.upserts).isEmpty();
    }
}
