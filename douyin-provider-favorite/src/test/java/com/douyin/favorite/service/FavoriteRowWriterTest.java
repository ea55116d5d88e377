package com.douyin.favorite.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.douyin.api.event.FavoriteChangedEvent;
import com.douyin.favorite.dao.FavoriteRow;
import com.douyin.favorite.dao.RecordingFavoriteMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rows a batch of likes and unlikes becomes, before SQL: one per (user, video) pair, the
 * pair's latest change by sequence, in pair order. That an older change does not overwrite a
 * stored row is the statement's part (FavoriteWriteBehindIT).
 */
class FavoriteRowWriterTest {

    private final RecordingFavoriteMapper statements = new RecordingFavoriteMapper();
    private final FavoriteRowWriter writer = new FavoriteRowWriter(statements);

    /** Sequences are Redis time in microseconds; this one is 2023-11-14T22:13:20.123456Z. */
    private static final long T = 1_700_000_000_123_456L;

    private static FavoriteChangedEvent like(long user, long video, long sequence) {
        return new FavoriteChangedEvent(user, video, 900, +1, sequence);
    }

    private static FavoriteChangedEvent unlike(long user, long video, long sequence) {
        return new FavoriteChangedEvent(user, video, 900, -1, sequence);
    }

    /** The rows of the one statement the batch made. */
    private List<FavoriteRow> storedRows() {
        assertThat(statements.upserts).as("one statement per batch").hasSize(1);
        return statements.upserts.get(0);
    }

    @Test
    void aLikeBecomesALikedRowWithItsSequenceAndItsMillisecondAsTheTimeOfTheLike() {
        writer.store(List.of(like(1, 100, T)));

        assertThat(storedRows()).containsExactly(new FavoriteRow(1, 100, true, 1_700_000_000_123L, T));
    }

    @Test
    void anUnlikeBecomesAnUnlikedRow() {
        writer.store(List.of(unlike(1, 100, T)));

        assertThat(storedRows()).containsExactly(new FavoriteRow(1, 100, false, 1_700_000_000_123L, T));
    }

    @Test
    void aBatchIsOneStatementWithOneRowPerPairInUserThenVideoOrder() {
        writer.store(List.of(like(2, 100, T), like(1, 300, T + 1), like(10, 5, T + 2), like(1, 20, T + 3)));

        assertThat(storedRows()).extracting(FavoriteRow::userId, FavoriteRow::videoId).containsExactly(
                tuple(1L, 20L), tuple(1L, 300L),
                tuple(2L, 100L), tuple(10L, 5L));
    }

    @Test
    void aLikeAndItsUnlikeInOneBatchStoreOnlyTheUnlike() {
        writer.store(List.of(like(1, 100, T), unlike(1, 100, T + 5)));

        assertThat(storedRows()).containsExactly(new FavoriteRow(1, 100, false, 1_700_000_000_123L, T + 5));
    }

    /** Batches may deliver a pair's changes out of order: the sequence decides, not the position in the batch. */
    @Test
    void aChangeThatArrivesAfterALaterOneLosesToIt() {
        writer.store(List.of(unlike(1, 100, T + 2_000), like(1, 100, T)));

        assertThat(storedRows()).containsExactly(new FavoriteRow(1, 100, false, 1_700_000_000_125L, T + 2_000));
    }

    @Test
    void likeUnlikeLikeOfOnePairInAnyOrderStoresTheLastLike() {
        writer.store(List.of(like(1, 100, T + 3_000), like(1, 100, T), unlike(1, 100, T + 1_000)));

        assertThat(storedRows()).containsExactly(new FavoriteRow(1, 100, true, 1_700_000_000_126L, T + 3_000));
    }

    /** A redelivered event, in the same batch as its first delivery, is one row. */
    @Test
    void theSameEventTwiceIsOneRow() {
        FavoriteChangedEvent like = like(1, 100, T);

        writer.store(List.of(like, like(2, 100, T), like));

        assertThat(storedRows()).containsExactly(new FavoriteRow(1, 100, true, 1_700_000_000_123L, T),
                new FavoriteRow(2, 100, true, 1_700_000_000_123L, T));
    }

    /** One user's likes of two videos, and two users' likes of one video, are different pairs. */
    @Test
    void pairsDifferingInUserOrVideoAreKeptApart() {
        writer.store(List.of(like(1, 100, T), unlike(1, 200, T + 1), like(2, 100, T + 2)));

        assertThat(storedRows()).containsExactly(new FavoriteRow(1, 100, true, 1_700_000_000_123L, T),
                new FavoriteRow(1, 200, false, 1_700_000_000_123L, T + 1), new FavoriteRow(2, 100, true, 1_700_000_000_123L, T + 2));
    }

    /** "1:23" and "12:3" are different pairs, though a careless key would join them. */
    @Test
    void pairsWhoseIdsConcatenateAlikeAreKeptApart() {
        writer.store(List.of(like(1, 23, T), like(12, 3, T + 1), like(1, 123, T + 2), like(11, 23, T + 3)));

        assertThat(storedRows()).extracting(FavoriteRow::userId, FavoriteRow::videoId).containsExactly(
                tuple(1L, 23L), tuple(1L, 123L),
                tuple(11L, 23L), tuple(12L, 3L));
    }

    @Test
    void anEmptyBatchRunsNoStatement() {
        writer.store(List.of());

        assertThat(statements.upserts).isEmpty();
    }
}
