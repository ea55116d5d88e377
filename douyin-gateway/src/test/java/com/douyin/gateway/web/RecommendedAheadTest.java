package com.douyin.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.douyin.api.video.VideoService;
import com.douyin.gateway.json.VideoJsonMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RecommendedAheadTest {

    /** A provider whose ranking holds {@code available} videos (1, 2, ...), taken in order; it counts its takes. */
    private static class Provider implements RecommendedAhead.Taker {
        long next = 1;
        final long available;
        final List<Integer> takes = new ArrayList<>();
        CompletableFuture<Void> answersWhen = CompletableFuture.completedFuture(null);
        RuntimeException failure;

        Provider(long available) {
            this.available = available;
        }

        /** The marks each take comes with (null: none asked). */
        VideoJsonMapper.CarriedMarks marks;

        @Override
        public CompletableFuture<RecommendedAhead.Videos> take(long viewer, int count) {
            takes.add(count);
            if (failure != null) {
                throw failure;
            }
            return answersWhen.thenApply(ready -> {
                long end = Math.min(available + 1, next + count);
                List<Long> ids = LongStream.range(next, end).boxed().toList();
                next = end;
                return new RecommendedAhead.Videos(ids, marks);
            });
        }
    }

    private final RecommendedAhead ahead = new RecommendedAhead(Duration.ofMinutes(10), RecommendedAhead.DEFAULT_TAKEN_AHEAD);

    @Test
    void pagesComeInOrderAndTheNextTakeStartsWhileTwoPagesAreStillHeld() {
        Provider provider = new Provider(1_000);
        List<Long> shown = new ArrayList<>();
        shown.addAll(ahead.next(7, 30, provider).join().ids());
        assertThat(provider.takes).containsExactly(RecommendedAhead.DEFAULT_TAKEN_AHEAD);
        shown.addAll(ahead.next(7, 30, provider).join().ids()); // leaves one page held: the next take starts
        assertThat(provider.takes).containsExactly(90, 90);
        for (int page = 0; page < 4; page++) {
            shown.addAll(ahead.next(7, 30, provider).join().ids());
        }
        assertThat(shown).containsExactlyElementsOf(LongStream.rangeClosed(1, 180).boxed().toList());
    }

    @Test
    void aPageHeldHereDoesNotWaitForTheTakeItStarted() {
        Provider provider = new Provider(1_000);
        ahead.next(7, 30, provider).join().ids();
        provider.answersWhen = new CompletableFuture<>(); // the provider is slow from now on
        assertThat(ahead.next(7, 30, provider)).as("starts the next take").isCompletedWithValueMatching(page -> page.ids().get(0) == 31L);
        assertThat(ahead.next(7, 30, provider)).as("the last page held").isCompletedWithValueMatching(page -> page.ids().get(0) == 61L);
        CompletableFuture<RecommendedAhead.Videos> fourth = ahead.next(7, 30, provider);
        assertThat(fourth).as("nothing held: waits for the take").isNotDone();
        provider.answersWhen.complete(null);
        assertThat(fourth.join().ids()).startsWith(91L).hasSize(30);
        // The page served from that take leaves two pages held, fewer than five: it starts the next take.
        assertThat(provider.takes).containsExactly(90, 90, 120);
    }

    @Test
    void takesGrowWithTheViewersScrollingUpToWhatTheProviderHandsAtOnce() {
        Provider provider = new Provider(100_000);
        List<Long> shown = new ArrayList<>();
        for (int page = 0; page < 60; page++) {
            shown.addAll(ahead.next(7, 30, provider).join().ids());
        }
        assertThat(shown).containsExactlyElementsOf(LongStream.rangeClosed(1, 1_800).boxed().toList());
        assertThat(provider.takes).startsWith(90, 90, 90, 150, 300).allMatch(take -> take <= VideoService.RECOMMENDED_TAKE_MAX)
                .contains(VideoService.RECOMMENDED_TAKE_MAX);
        assertThat(provider.takes).as("a call per twenty pages once the viewer scrolls on").hasSizeLessThanOrEqualTo(8);
        long held = provider.next - 1 - shown.size();
        assertThat(held).as("taken and not shown: at most a take and five pages").isLessThanOrEqualTo(VideoService.RECOMMENDED_TAKE_MAX + 150);
    }

    @Test
    void aViewerWhoReadsOnePageLeavesOnlyTheFirstTakeUnseen() {
        Provider provider = new Provider(1_000);
        ahead.next(7, 30, provider).join().ids();
        assertThat(provider.takes).containsExactly(RecommendedAhead.DEFAULT_TAKEN_AHEAD);
    }

    @Test
    void aTakeAheadThatFoundNothingIsNotRepeatedUntilAPageFindsTooFew() {
        Provider provider = new Provider(90);
        ahead.next(7, 30, provider).join().ids();
        ahead.next(7, 30, provider).join().ids(); // the take ahead finds nothing
        assertThat(ahead.next(7, 30, provider).join().ids()).hasSize(30);
        assertThat(provider.takes).as("no take for the page that left nothing held").hasSize(2);
        assertThat(ahead.next(7, 30, provider).join().ids()).isEmpty();
        assertThat(provider.takes).hasSize(3);
    }

    @Test
    void aShortTakeAheadIsTheEndOfARankingAndTheNextIsTakenAheadAllTheSame() {
        Provider provider = new Provider(100);
        ahead.next(7, 30, provider).join().ids();
        ahead.next(7, 30, provider).join().ids(); // the take ahead finds 10 more: the provider starts over next time
        assertThat(ahead.next(7, 30, provider).join().ids()).hasSize(30);
        assertThat(provider.takes).as("the page that left 10 held took ahead").hasSize(3);
    }

    @Test
    void concurrentPagesOfOneViewerWaitForOneTake() {
        Provider provider = new Provider(1_000);
        provider.answersWhen = new CompletableFuture<>();
        CompletableFuture<RecommendedAhead.Videos> first = ahead.next(7, 30, provider);
        CompletableFuture<RecommendedAhead.Videos> second = ahead.next(7, 30, provider);
        assertThat(first).isNotDone();
        assertThat(second).isNotDone();
        assertThat(provider.takes).hasSize(1);
        provider.answersWhen.complete(null);
        List<Long> both = new ArrayList<>(first.join().ids());
        both.addAll(second.join().ids());
        assertThat(provider.takes).as("the first, and the take ahead the second page started").containsExactly(90, 90);
        assertThat(both).hasSize(60).doesNotHaveDuplicates();
    }

    @Test
    void manyConcurrentPagesOfOneViewerAreEachAnsweredInFull() {
        // Every take answers only when the test lets it, as a provider across the network would.
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        Provider provider = new Provider(1_000) {
            @Override
            public CompletableFuture<RecommendedAhead.Videos> take(long viewer, int count) {
                CompletableFuture<Void> release = new CompletableFuture<>();
                pending.add(release);
                return release.thenCompose(ready -> super.take(viewer, count));
            }
        };
        List<CompletableFuture<RecommendedAhead.Videos>> pages = new ArrayList<>();
        for (int page = 0; page < 12; page++) {
            pages.add(ahead.next(7, 30, provider));
        }
        while (!pending.isEmpty()) {
            pending.remove(0).complete(null);
        }
        List<Long> shown = new ArrayList<>();
        for (CompletableFuture<RecommendedAhead.Videos> page : pages) {
            assertThat(page.join().ids()).as("each page full: the ranking has more").hasSize(30);
            shown.addAll(page.join().ids());
        }
        assertThat(shown).doesNotHaveDuplicates();
        assertThat(provider.takes.size()).as("takes of 90, and a page's own take after two waits in vain").isBetween(4, 12);
    }

    @Test
    void aTakeIsNoLargerThanTheProviderHandsAtOnce() {
        assertThat(RecommendedAhead.DEFAULT_TAKEN_AHEAD).isLessThanOrEqualTo(VideoService.RECOMMENDED_TAKE_MAX);
        assertThatThrownBy(() -> new RecommendedAhead(Duration.ofMinutes(10), VideoService.RECOMMENDED_TAKE_MAX + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recommended-taken-ahead");
        Provider provider = new Provider(1_000);
        new RecommendedAhead(Duration.ofMinutes(10), 150).next(7, 30, provider).join().ids();
        assertThat(provider.takes).containsExactly(150);
    }

    @Test
    void viewersAreHeldApart() {
        Provider provider = new Provider(1_000);
        assertThat(ahead.next(1, 10, provider).join().ids()).startsWith(1L);
        assertThat(ahead.next(2, 10, provider).join().ids()).startsWith(91L);
        assertThat(ahead.next(1, 10, provider).join().ids()).startsWith(11L);
    }

    @Test
    void aRankingThatRunsOutGivesWhatIsLeftAndTheNextPageAsksAgain() {
        Provider provider = new Provider(40);
        assertThat(ahead.next(7, 30, provider).join().ids()).hasSize(30);
        assertThat(ahead.next(7, 30, provider).join().ids()).containsExactlyElementsOf(LongStream.rangeClosed(31, 40).boxed().toList());
        assertThat(ahead.next(7, 30, provider).join().ids()).isEmpty();
        assertThat(provider.takes).hasSize(3); // each page short of its count asked the provider once
    }

    @Test
    void aFailedTakeFailsThePageAndTheNextPageTakesAgain() {
        Provider provider = new Provider(1_000);
        provider.failure = new IllegalStateException("no provider");
        assertThatThrownBy(() -> ahead.next(7, 30, provider).join().ids()).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
        provider.failure = null;
        assertThat(ahead.next(7, 30, provider).join().ids()).hasSize(30);
        assertThat(provider.takes).hasSize(2);
    }

    @Test
    void aPageCarriesItsTakesMarksOnlyWhenTheyCoverAllItsVideos() {
        Provider provider = new Provider(10_000);
        Object before = new Object();
        Object after = new Object();
        provider.marks = new VideoJsonMapper.CarriedMarks(before, new VideoJsonMapper.Marks(Set.of(5L), Set.of()));
        RecommendedAhead.Videos first = ahead.next(7, 30, provider).join(); // 1-30 of the first take (90)
        assertThat(first.marks().marks().liked()).contains(5L);
        assertThat(ahead.next(7, 30, provider).join().marks().version()).isSameAs(before); // 31-60; its take ahead (91-180) under the same version

        provider.marks = null; // the next take ahead (181-...) asked no marks
        RecommendedAhead.Videos third = ahead.next(7, 30, provider).join(); // 61-90: covered; starts that take, and what is held is no longer covered
        assertThat(third.marks()).isNotNull();
        RecommendedAhead.Videos uncovered = null;
        for (int page = 0; page < 4; page++) { // 91-210: the last of these holds 181-210, of the take without marks
            uncovered = ahead.next(7, 30, provider).join();
        }
        assertThat(uncovered.ids()).startsWith(181L);
        assertThat(uncovered.marks()).as("videos of a take without marks").isNull();

        provider.marks = new VideoJsonMapper.CarriedMarks(after, new VideoJsonMapper.Marks(Set.of(), Set.of(9L)));
        List<RecommendedAhead.Videos> later = new ArrayList<>();
        for (int page = 0; page < 40; page++) {
            later.add(ahead.next(7, 30, provider).join());
        }
        assertThat(later).anyMatch(page -> page.marks() == null) // still the take without marks
                .anyMatch(page -> page.marks() != null && page.marks().version() == after);
        assertThat(later).allMatch(page -> page.marks() == null || page.marks().version() == after);
    }
}
