package com.douyin.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.api.video.VideoDTO;
import com.douyin.gateway.json.UserJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FeedEntriesTest {

    private static final long AUTHOR = 7;
    private final FeedEntries entries = new FeedEntries(Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofMillis(200));
    private final List<List<Long>> videoLoads = new ArrayList<>();
    private final AtomicLong favorites = new AtomicLong();

    private static VideoDTO video(long id, String cover, long publishedAt, long favoriteCount) {
        return new VideoDTO(id, AUTHOR, "t", "", "videos/" + id + ".mp4", cover, favoriteCount, 0, publishedAt);
    }

    private List<VideoDTO> load(List<Long> ids) {
        videoLoads.add(ids);
        return ids.stream().map(id -> video(id, "covers/" + id + ".jpg", System.currentTimeMillis(), favorites.get())).toList();
    }

    private static Map<Long, UserJson> authors(Collection<Long> ids) {
        return ids.stream().collect(Collectors.toMap(id -> id, id -> new UserJson(id, "u" + id, 0, 0, false, "", "", "", 0, 0, 0)));
    }

    @Test
    void aPagesVideosAreLoadedOnceInOrderAndOnlyTheMissingOnesLater() {
        assertThat(entries.videos(List.of(3L, 1L, 2L), this::load)).extracting(VideoDTO::id).containsExactly(3L, 1L, 2L);
        assertThat(entries.videos(List.of(2L, 4L), this::load)).extracting(VideoDTO::id).containsExactly(2L, 4L);
        assertThat(videoLoads).containsExactly(List.of(3L, 1L, 2L), List.of(4L));
    }

    @Test
    void aPageIsHeldOnlyOnceEachVideoAndItsAuthorAreHere() {
        assertThat(entries.held(List.of(3L, 1L))).as("nothing loaded yet").isNull();
        entries.videos(List.of(3L, 1L), this::load);
        assertThat(entries.held(List.of(3L, 1L))).as("the author not loaded yet").isNull();
        entries.authors(List.of(AUTHOR), FeedEntriesTest::authors);
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
        entries.videos(List.of(1L), this::load);
        favorites.set(1);
        assertThat(entries.videos(List.of(1L), this::load).get(0).favoriteCount()).as("kept").isZero();
        entries.dropVideo(1);
        assertThat(entries.videos(List.of(1L), this::load).get(0).favoriteCount()).isEqualTo(1);
    }

    @Test
    void aLoadThatReadTheOldValueJustBeforeTheWriteIsDroppedOnceTheWriteSettles() throws Exception {
        entries.dropVideo(1);
        entries.videos(List.of(1L), this::load); // read just before the write landed: count 0
        favorites.set(1);
        Thread.sleep(400);
        assertThat(entries.videos(List.of(1L), this::load).get(0).favoriteCount()).isEqualTo(1);
    }

    @Test
    void droppingAVideoDropsItsAuthorToo() {
        entries.videos(List.of(1L), this::load);
        List<Collection<Long>> authorLoads = new ArrayList<>();
        entries.authors(List.of(AUTHOR), ids -> { authorLoads.add(ids); return authors(ids); });
        entries.authors(List.of(AUTHOR), ids -> { authorLoads.add(ids); return authors(ids); });
        entries.dropVideo(1); // its likes count in the author's total_favorited
        entries.authors(List.of(AUTHOR), ids -> { authorLoads.add(ids); return authors(ids); });
        assertThat(authorLoads).hasSize(2);
    }

    @Test
    void aNewVideoWithoutItsCoverIsNotKeptButAnOldOneIs() {
        long now = System.currentTimeMillis();
        entries.remember(List.of(video(1, "", now, 0), video(2, "", now - Duration.ofHours(1).toMillis(), 0)));
        assertThat(entries.videos(List.of(1L, 2L), this::load)).extracting(VideoDTO::coverKey).containsExactly("covers/1.jpg", "");
        assertThat(videoLoads).containsExactly(List.of(1L));
    }
}
