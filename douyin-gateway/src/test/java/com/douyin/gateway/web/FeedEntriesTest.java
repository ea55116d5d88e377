package com.douyin.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.api.video.VideoDTO;
import com.douyin.gateway.json.UserJson;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FeedEntriesTest {

    private static final long AUTHOR = 7;
    private final List<List<Long>> videoLoads = new CopyOnWriteArrayList<>();
    private final List<Collection<Long>> authorLoads = new CopyOnWriteArrayList<>();
    private final AtomicLong favorites = new AtomicLong();
    private final AtomicLong followers = new AtomicLong();
    /** A read of authors waits for this (a slow provider). */
    private volatile CountDownLatch authorsHeldBack = new CountDownLatch(0);
    private final FeedEntrySource source = new FeedEntrySource() {
        @Override
        public List<VideoDTO> videos(List<Long> ids) {
            return load(ids);
        }

        @Override
        public Map<Long, UserJson> authors(Collection<Long> ids) {
            authorLoads.add(ids);
            try {
                authorsHeldBack.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return FeedEntriesTest.this.authors(ids);
        }
    };
    private final FeedEntries entries = new FeedEntries(source, Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofMillis(200));

    private static VideoDTO video(long id, String cover, long publishedAt, long favoriteCount) {
        return new VideoDTO(id, AUTHOR, "t", "", "videos/" + id + ".mp4", cover, favoriteCount, 0, publishedAt);
    }

    private List<VideoDTO> load(List<Long> ids) {
        videoLoads.add(ids);
        return ids.stream().map(id -> video(id, "covers/" + id + ".jpg", System.currentTimeMillis(), favorites.get())).toList();
    }

    private Map<Long, UserJson> authors(Collection<Long> ids) {
        return ids.stream().collect(Collectors.toMap(id -> id, id -> new UserJson(id, "u" + id, 0, followers.get(), false, "", "", "", 0, 0, 0)));
    }

    @Test
    void aPagesVideosAreLoadedOnceInOrderAndOnlyTheMissingOnesLater() {
        assertThat(entries.videos(List.of(3L, 1L, 2L))).extracting(VideoDTO::id).containsExactly(3L, 1L, 2L);
        assertThat(entries.videos(List.of(2L, 4L))).extracting(VideoDTO::id).containsExactly(2L, 4L);
        assertThat(videoLoads).containsExactly(List.of(3L, 1L, 2L), List.of(4L));
    }

    @Test
    void aPageIsHeldOnlyOnceEachVideoAndItsAuthorAreHere() {
        assertThat(entries.held(List.of(3L, 1L))).as("nothing loaded yet").isNull();
        entries.videos(List.of(3L, 1L));
        assertThat(entries.held(List.of(3L, 1L))).as("the author not loaded yet").isNull();
        entries.authors(List.of(AUTHOR));
        FeedEntries.Held held = entries.held(List.of(3L, 1L));
        assertThat(held.videos()).extracting(VideoDTO::id).containsExactly(3L, 1L);
        assertThat(held.authorsById()).containsOnlyKeys(AUTHOR);
        assertThat(held.authorsById().get(AUTHOR).name()).isEqualTo("u" + AUTHOR);
        assertThat(entries.held(List.of(3L, 2L))).as("one video missing").isNull();
        entries.dropUsers(AUTHOR);
        assertThat(entries.held(List.of(3L, 1L))).as("the author dropped by a write").isNull();
    }

    @Test
    void aDroppedVideoIsReadAgainWithItsNewCount() {
        entries.videos(List.of(1L));
        favorites.set(1);
        assertThat(entries.videos(List.of(1L)).get(0).favoriteCount()).as("kept").isZero();
        entries.dropVideo(1);
        assertThat(entries.videos(List.of(1L)).get(0).favoriteCount()).isEqualTo(1);
    }

    @Test
    void aLoadThatReadTheOldValueJustBeforeTheWriteIsDroppedOnceTheWriteSettles() throws Exception {
        entries.dropVideo(1);
        entries.videos(List.of(1L)); // read just before the write landed: count 0
        favorites.set(1);
        Thread.sleep(400);
        assertThat(entries.videos(List.of(1L)).get(0).favoriteCount()).isEqualTo(1);
    }

    @Test
    void droppingAVideoDropsItsAuthorToo() {
        entries.videos(List.of(1L));
        entries.authors(List.of(AUTHOR));
        entries.authors(List.of(AUTHOR));
        entries.dropVideo(1); // its likes count in the author's total_favorited
        entries.authors(List.of(AUTHOR));
        assertThat(authorLoads).hasSize(2);
    }

    @Test
    void aNewVideoWithoutItsCoverIsKeptOnlyUntilAWriteWouldHaveSettledButAnOldOneAsAnyOther() throws Exception {
        long now = System.currentTimeMillis();
        entries.remember(List.of(video(1, "", now, 0), video(2, "", now - Duration.ofHours(1).toMillis(), 0)));
        assertThat(entries.videos(List.of(1L, 2L))).as("both held").extracting(VideoDTO::coverKey).containsExactly("", "");
        assertThat(videoLoads).isEmpty();
        Thread.sleep(400); // the settle time is 200 ms here
        assertThat(entries.videos(List.of(1L, 2L))).as("the new one read again, with its cover")
                .extracting(VideoDTO::coverKey).containsExactly("covers/1.jpg", "");
        assertThat(videoLoads).containsExactly(List.of(1L));
    }

    @Test
    void anEntryReadAfterAThirdOfItsTtlIsReadAgainInTheBackgroundWhileShown() throws Exception {
        FeedEntries shortLived = new FeedEntries(source, Duration.ofSeconds(6), Duration.ofSeconds(3), Duration.ofMillis(50));
        shortLived.videos(List.of(1L));
        shortLived.authors(List.of(AUTHOR));
        favorites.set(5);
        followers.set(9);
        authorsHeldBack = new CountDownLatch(1);
        Thread.sleep(1100); // past a third of the author's TTL (1 s), before its shortest life (1.5 s)
        FeedEntries.Held held = shortLived.held(List.of(1L));
        assertThat(held).as("still held: no page waits for the reads").isNotNull();
        assertThat(held.authorsById().get(AUTHOR).followerCount()).as("the old author, shown meanwhile").isZero();
        authorsHeldBack.countDown();
        Thread.sleep(300); // refreshes are gathered for 100 ms
        assertThat(shortLived.held(List.of(1L)).authorsById().get(AUTHOR).followerCount()).isEqualTo(9);
        for (int i = 0; i < 35; i++) { // read every 100 ms for 3.5 s, longer than the author's longest life: it never expires
            Thread.sleep(100);
            assertThat(shortLived.held(List.of(1L))).as("read " + i).isNotNull();
        }
        assertThat(shortLived.videos(List.of(1L)).get(0).favoriteCount()).as("the video read again too").isEqualTo(5);
    }

    @Test
    void entriesDueTogetherAreReadAgainInBatchesNotOneCallEach() throws Exception {
        FeedEntries shortLived = new FeedEntries(source, Duration.ofMinutes(10), Duration.ofMillis(1500), Duration.ofMillis(50));
        List<Long> ids = java.util.stream.LongStream.rangeClosed(1, 50).boxed().toList();
        shortLived.authors(ids);
        authorLoads.clear();
        followers.set(3);
        Thread.sleep(600); // past a third of the TTL
        for (Long id : ids) {
            shortLived.authors(List.of(id)); // fifty page reads, each finding one author due
        }
        Thread.sleep(200);
        assertThat(shortLived.authors(ids).values()).extracting(UserJson::followerCount).containsOnly(3L);
        assertThat(authorLoads).as("batches").hasSizeLessThanOrEqualTo(3);
        assertThat(authorLoads.stream().mapToInt(Collection::size).sum()).isEqualTo(50);
    }

    @Test
    void droppingAVideoDueForARefreshDoesNotReadItAgain() throws Exception {
        FeedEntries shortLived = new FeedEntries(source, Duration.ofMillis(1500), Duration.ofSeconds(30), Duration.ofMillis(50));
        shortLived.videos(List.of(1L));
        videoLoads.clear();
        Thread.sleep(600); // past a third of the video's TTL, before its shortest life
        shortLived.dropVideo(1);
        Thread.sleep(300); // refreshes are gathered for 100 ms
        assertThat(videoLoads).as("no refresh started by the drop").isEmpty();
    }
}
