package com.douyin.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.api.common.PageCursor;
import org.junit.jupiter.api.Test;

class FeedTimeTest {

    private static final long NOW = 1_780_000_000_123L;

    @Test
    void millisecondsAreKeptAndAnsweredInMilliseconds() {
        FeedTime time = FeedTime.of(1_779_999_999_000L, NOW);
        assertThat(time.beforeMs()).isEqualTo(1_779_999_999_000L);
        assertThat(time.inClientUnit(1_779_999_998_765L)).isEqualTo(1_779_999_998_765L);
    }

    @Test
    void secondsAreReadAsSecondsAndAnsweredInSeconds() {
        FeedTime time = FeedTime.of(1_779_999_999L, NOW);
        assertThat(time.beforeMs()).isEqualTo(1_779_999_999_000L);
        assertThat(time.inClientUnit(1_779_999_998_765L)).isEqualTo(1_779_999_998L);
    }

    @Test
    void missingOrZeroMeansNow() {
        assertThat(FeedTime.of(null, NOW).beforeMs()).isEqualTo(NOW);
        assertThat(FeedTime.of(0L, NOW).beforeMs()).isEqualTo(NOW);
    }

    @Test
    void latestTimeAsksForWhatWasPublishedStrictlyBeforeIt() {
        assertThat(FeedTime.of(1_779_999_999_000L, NOW).position()).isEqualTo(new PageCursor(1_779_999_999_000L, 0));
    }

    @Test
    void aCursorIsTheExactPositionAndLatestTimeThenOnlySaysTheUnit() {
        PageCursor cursor = new PageCursor(1_779_999_998_765L, 42);
        FeedTime inSeconds = FeedTime.of(1_779_999_999L, cursor, NOW);
        assertThat(inSeconds.position()).isEqualTo(cursor);
        assertThat(inSeconds.inClientUnit(1_779_999_998_765L)).isEqualTo(1_779_999_998L);
        FeedTime alone = FeedTime.of(null, cursor, NOW);
        assertThat(alone.position()).isEqualTo(cursor);
        assertThat(alone.unitMs()).isEqualTo(1);
        assertThat(FeedTime.of(null, null, NOW)).isEqualTo(FeedTime.of(null, NOW));
    }
}
