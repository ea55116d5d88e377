package com.douyin.video.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.api.common.PageCursor;
import com.douyin.video.dao.VideoKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedPagerTest {

    private static List<VideoKey> rowsAt(long... times) {
        List<VideoKey> rows = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            rows.add(new VideoKey(i + 1, times[i]));
        }
        return rows;
    }

    @Test
    void aShortListIsReturnedWhole() {
        assertThat(FeedPager.page(rowsAt(5000, 4000), 3, 1)).hasSize(2);
    }

    @Test
    void thePageDoesNotEndInsideAGroupThatTheNextRequestWouldSkip() {
        // limit 3; the 3rd and 4th share a second: the 3rd must wait for the next page.
        List<VideoKey> page = FeedPager.page(rowsAt(9000, 8000, 7100, 7900 - 800, 6000), 3, 1000);
        assertThat(page).extracting(VideoKey::publishedAt).containsExactly(9000L, 8000L);
        // At millisecond resolution the two differ, so the page is full.
        assertThat(FeedPager.page(rowsAt(9000, 8000, 7100, 7100 - 1, 6000), 3, 1)).hasSize(3);
    }

    @Test
    void aPageThatIsOneInstantIsReturnedAsItIs() {
        assertThat(FeedPager.page(rowsAt(7000, 7000, 7000, 7000), 3, 1)).hasSize(3);
    }

    /** What the feed query answers after a position: up to limit + 1 rows, newest first by (publish time, ID). */
    private static List<VideoKey> rowsAfter(List<VideoKey> all, PageCursor position, int limit) {
        return all.stream().sorted(Comparator.comparingLong(VideoKey::publishedAt).thenComparingLong(VideoKey::id).reversed())
                .filter(row -> position.isFollowedBy(row.publishedAt(), row.id())).limit(limit + 1L).toList();
    }

    @Test
    void aHundredVideosOfOneMillisecondArePagedWholeThroughTheCursorOfTheOldest() {
        List<VideoKey> all = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            all.add(new VideoKey(5_000 + i, 1_780_000_000_000L));
        }
        all.add(new VideoKey(1, 1_779_999_999_999L));
        List<Long> seen = new ArrayList<>();
        PageCursor position = new PageCursor(1_780_000_000_001L, 0); // the stock client's "before this time"
        for (List<VideoKey> page; !(page = FeedPager.page(rowsAfter(all, position, 30), 30, 1)).isEmpty(); ) {
            assertThat(page).hasSizeLessThanOrEqualTo(30);
            page.forEach(row -> seen.add(row.id()));
            position = page.get(page.size() - 1).position();
        }
        assertThat(seen).doesNotHaveDuplicates().hasSize(101).endsWith(1L);

        // The stock client's next_time (strictly before the oldest one's time) cannot go on inside the millisecond.
        List<VideoKey> first = FeedPager.page(rowsAfter(all, new PageCursor(1_780_000_000_001L, 0), 30), 30, 1);
        List<VideoKey> next = FeedPager.page(rowsAfter(all, new PageCursor(first.get(29).publishedAt(), 0), 30), 30, 1);
        assertThat(next).extracting(VideoKey::id).containsExactly(1L);
    }
}
