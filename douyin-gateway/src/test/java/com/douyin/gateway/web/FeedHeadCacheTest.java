package com.douyin.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.common.PageCursor;
import com.douyin.gateway.json.FeedResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FeedHeadCacheTest {

    private static final ObjectMapper JSON = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    private final AtomicInteger loads = new AtomicInteger();

    private FeedResponse load() {
        return new FeedResponse(0, "success", loads.incrementAndGet(), "", List.of());
    }

    @Test
    void theFirstPageIsLoadedOncePerLifetimeAndPerTimeUnit() throws Exception {
        FeedHeadCache cache = new FeedHeadCache(Duration.ofMillis(300), JSON);
        long now = 1_800_000_000_000L;
        assertThat(cache.get("", FeedTime.of(null, now), now, this::load).response().nextTime()).isEqualTo(1);
        assertThat(cache.get("", FeedTime.of(now + 5_000, now), now, this::load).response().nextTime()).isEqualTo(1);
        assertThat(cache.get("", FeedTime.of(now / 1000, now), now, this::load).response().nextTime()).isEqualTo(2); // seconds: its own page
        Thread.sleep(400);
        assertThat(cache.get("", FeedTime.of(null, now), now, this::load).response().nextTime()).isEqualTo(3);
    }

    @Test
    void eachTopicHasItsOwnFirstPageAndAFailedLoadIsNotKept() {
        FeedHeadCache cache = new FeedHeadCache(Duration.ofSeconds(10), JSON);
        long now = 1_800_000_000_000L;
        assertThat(cache.get("", FeedTime.of(null, now), now, this::load).response().nextTime()).isEqualTo(1);
        assertThat(cache.get("sport", FeedTime.of(null, now), now, this::load).response().nextTime()).isEqualTo(2);
        assertThat(cache.get("music", FeedTime.of(null, now), now, this::load).response().nextTime()).isEqualTo(3);
        assertThat(cache.get("sport", FeedTime.of(null, now), now, this::load).response().nextTime()).isEqualTo(2);
        assertThat(cache.get("", FeedTime.of(null, now), now, this::load).response().nextTime()).isEqualTo(1);

        assertThatThrownBy(() -> cache.get("nope", FeedTime.of(null, now), now, () -> {
            throw new DouyinException(ErrorCode.TOPIC_UNKNOWN);
        })).isInstanceOf(DouyinException.class);
        assertThat(cache.get("nope", FeedTime.of(null, now), now, this::load).response().nextTime()).isEqualTo(4);
    }

    @Test
    void olderPagesAndADisabledCacheAlwaysLoad() {
        long now = 1_800_000_000_000L;
        FeedHeadCache cache = new FeedHeadCache(Duration.ofSeconds(10), JSON);
        cache.get("", FeedTime.of(now - 60_000, now), now, this::load);
        cache.get("", FeedTime.of(now - 60_000, now), now, this::load);
        FeedHeadCache disabled = new FeedHeadCache(Duration.ZERO, JSON);
        disabled.get("", FeedTime.of(null, now), now, this::load);
        disabled.get("", FeedTime.of(null, now), now, this::load);
        assertThat(loads.get()).isEqualTo(4);
    }

    @Test
    void aSharedPageKeepsItsJsonAndAnOlderPageHasNone() {
        long now = 1_800_000_000_000L;
        FeedHeadCache cache = new FeedHeadCache(Duration.ofSeconds(10), JSON);
        FeedHeadCache.Page head = cache.get("", FeedTime.of(null, now), now, this::load);
        assertThat(new String(head.json(), StandardCharsets.UTF_8)).contains("\"next_time\":1", "\"video_list\":[]", "\"status_code\":0");
        assertThat(cache.get("", FeedTime.of(now - 60_000, now), now, this::load).json()).isNull();
    }

    @Test
    void aRequestWithACursorIsNeverServedTheSharedFirstPage() {
        long now = 1_800_000_000_000L;
        FeedHeadCache cache = new FeedHeadCache(Duration.ofSeconds(10), JSON);
        cache.get("", FeedTime.of(null, now), now, this::load);
        FeedHeadCache.Page after = cache.get("", FeedTime.of(null, new PageCursor(now - 10, 99), now), now, this::load);
        assertThat(after.response().nextTime()).isEqualTo(2);
        assertThat(after.json()).isNull();
        assertThat(cache.get("", FeedTime.of(null, now), now, this::load).response().nextTime()).isEqualTo(1);
    }
}
