package com.douyin.writebehind;

import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.api.event.FavoriteChangedEvent;
import com.douyin.api.event.FollowChangedEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The net change per counter row of a batch of like and follow events, as the video and user providers sum them. */
class CounterDeltasTest {

    private static FavoriteChangedEvent like(long user, long video, long author, long sequence) {
        return new FavoriteChangedEvent(user, video, author, +1, sequence);
    }

    private static FavoriteChangedEvent unlike(long user, long video, long author, long sequence) {
        return new FavoriteChangedEvent(user, video, author, -1, sequence);
    }

    @Test
    void likesOfOneVideoAddUpToOneDeltaForItsRow() {
        List<FavoriteChangedEvent> batch = List.of(like(1, 100, 9, 1), like(2, 100, 9, 2), like(3, 100, 9, 3), unlike(4, 100, 9, 4));

        assertThat(CounterDeltas.sum(batch, FavoriteChangedEvent::videoId, FavoriteChangedEvent::delta))
                .containsExactly(Map.entry(100L, 2L));
    }

    @Test
    void aLikeAndItsUnlikeInOneBatchCancelAndLeaveTheRowOut() {
        List<FavoriteChangedEvent> batch = List.of(like(1, 100, 9, 1), unlike(1, 100, 9, 2), like(1, 200, 9, 3));

        Map<Long, Long> videos = CounterDeltas.sum(batch, FavoriteChangedEvent::videoId, FavoriteChangedEvent::delta);

        assertThat(videos).as("video 100 nets zero: no UPDATE for its row").containsExactly(Map.entry(200L, 1L));
    }

    @Test
    void aBatchWhoseEventsAllCancelMovesNoRow() {
        List<FavoriteChangedEvent> batch = List.of(like(1, 100, 9, 1), unlike(1, 100, 9, 2), like(1, 100, 9, 3), unlike(1, 100, 9, 4));

        assertThat(CounterDeltas.sum(batch, FavoriteChangedEvent::videoId, FavoriteChangedEvent::delta)).isEmpty();
        assertThat(CounterDeltas.sum(List.<FavoriteChangedEvent>of(), FavoriteChangedEvent::videoId, FavoriteChangedEvent::delta)).isEmpty();
    }

    /** Every consumer locks its rows in ascending ID order, so two batches cannot deadlock. */
    @Test
    void rowsComeInAscendingIdOrderWhateverTheBatchOrder() {
        List<FavoriteChangedEvent> batch = List.of(like(1, 300, 9, 1), like(1, 100, 9, 2), like(2, 300, 9, 3), unlike(3, 200, 9, 4),
                like(1, 1_000_000_000_000L, 9, 5));

        Map<Long, Long> videos = CounterDeltas.sum(batch, FavoriteChangedEvent::videoId, FavoriteChangedEvent::delta);

        assertThat(videos.keySet()).containsExactly(100L, 200L, 300L, 1_000_000_000_000L);
        assertThat(videos).containsEntry(100L, 1L).containsEntry(200L, -1L).containsEntry(300L, 2L);
    }

    /** One batch of likes moves three counters: the video's favorite_count, the liker's favorite_count, the author's total_favorited. */
    @Test
    void oneBatchOfLikesMovesTheVideoTheLikerAndTheAuthorEachByTheirOwnSum() {
        List<FavoriteChangedEvent> batch = List.of(
                like(1, 100, 9, 1),   // user 1 likes video 100 of author 9
                like(1, 200, 8, 2),   // user 1 likes video 200 of author 8
                like(2, 100, 9, 3),   // user 2 likes video 100
                unlike(1, 100, 9, 4), // user 1 takes back the like of video 100
                like(9, 200, 8, 5));  // author 9 likes video 200 of author 8

        assertThat(CounterDeltas.sum(batch, FavoriteChangedEvent::videoId, FavoriteChangedEvent::delta))
                .containsExactly(Map.entry(100L, 1L), Map.entry(200L, 2L));
        assertThat(CounterDeltas.sum(batch, FavoriteChangedEvent::userId, FavoriteChangedEvent::delta))
                .as("favorite_count of each liker").containsExactly(Map.entry(1L, 1L), Map.entry(2L, 1L), Map.entry(9L, 1L));
        assertThat(CounterDeltas.sum(batch, FavoriteChangedEvent::authorId, FavoriteChangedEvent::delta))
                .as("total_favorited of each author").containsExactly(Map.entry(8L, 2L), Map.entry(9L, 1L));
    }

    /** A mutual follow in one batch moves both users' follow_count and follower_count. */
    @Test
    void aMutualFollowMovesBothUsersFollowAndFollowerCounts() {
        List<FollowChangedEvent> batch = List.of(
                new FollowChangedEvent(1, 2, +1, 1),
                new FollowChangedEvent(2, 1, +1, 2),
                new FollowChangedEvent(3, 2, +1, 3),
                new FollowChangedEvent(3, 2, -1, 4)); // 3 follows 2 and takes it back

        assertThat(CounterDeltas.sum(batch, FollowChangedEvent::followerId, FollowChangedEvent::delta))
                .as("follow_count").containsExactly(Map.entry(1L, 1L), Map.entry(2L, 1L));
        assertThat(CounterDeltas.sum(batch, FollowChangedEvent::followeeId, FollowChangedEvent::delta))
                .as("follower_count").containsExactly(Map.entry(1L, 1L), Map.entry(2L, 1L));
    }

    /** A redelivered event counts again here: deduplication is the consumer's (ConsumedEvents), before the sum. */
    @Test
    void theSumCountsEveryEventItIsGivenDuplicatesIncluded() {
        FavoriteChangedEvent once = like(1, 100, 9, 1);

        assertThat(CounterDeltas.sum(List.of(once, once), FavoriteChangedEvent::videoId, FavoriteChangedEvent::delta))
                .containsExactly(Map.entry(100L, 2L));
    }
}
