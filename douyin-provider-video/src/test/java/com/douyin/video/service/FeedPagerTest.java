package com.douyin.video.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.video.dao.VideoKey;
import java.util.ArrayList;
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
}
