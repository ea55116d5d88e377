package com.douyin.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.api.video.VideoDTO;
import com.douyin.common.testing.ItDatabase;
import com.douyin.gateway.json.UserJson;
import com.douyin.gateway.json.ViewerMarks;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/** Two gateways on the real Redis: a change one of them makes reaches the other's feed entries. */
class FeedEntryChangesIT {

    /** One gateway: its feed entries, read from a provider that counts its reads of each video. */
    private static final class Gateway {
        final AtomicInteger videoReads = new AtomicInteger();
        final FeedEntries entries = new FeedEntries(new FeedEntrySource() {
            @Override
            public List<VideoDTO> videos(List<Long> ids) {
                videoReads.addAndGet(ids.size());
                return ids.stream().map(id -> new VideoDTO(id, 7, "t", "", "videos/" + id + ".mp4", "", 0, 0, 1_000)).toList();
            }

            @Override
            public Map<Long, UserJson> authors(Collection<Long> ids) {
                return Map.of();
            }
        }, Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofMillis(200));
        final FeedEntryChanges changes;

        Gateway(RedissonClient redis) {
            changes = new FeedEntryChanges(entries, new ViewerMarks(Duration.ofSeconds(10)), redis);
            changes.start();
        }
    }

    private final RedissonClient redis = ItDatabase.emptyRedis();
    private final Gateway first = new Gateway(redis);
    private final Gateway second = new Gateway(redis);

    @AfterEach
    void stop() {
        first.changes.stop();
        second.changes.stop();
        redis.shutdown();
    }

    @Test
    void aVideoChangedOnOneGatewayIsReadAgainByTheOther() throws InterruptedException {
        second.entries.videos(List.of(1L, 2L, 3L));
        second.entries.videos(List.of(1L, 2L, 3L));
        assertThat(second.videoReads).as("held after the first read").hasValue(3);
        Thread.sleep(300); // both listen by now

        first.changes.videoChanged(1);
        first.changes.videoChanged(3); // one message for both (sent 50 ms after the first)

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (second.videoReads.get() == 3 && System.nanoTime() < deadline) {
            second.entries.videos(List.of(1L, 2L, 3L));
            Thread.sleep(20);
        }
        second.entries.videos(List.of(1L, 2L, 3L));
        assertThat(second.videoReads).as("videos 1 and 3 read again, 2 still held").hasValue(5);

        first.changes.videoChanged(2); // a later change arms a message of its own
        deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (second.videoReads.get() == 5 && System.nanoTime() < deadline) {
            second.entries.videos(List.of(2L));
            Thread.sleep(20);
        }
        assertThat(second.videoReads).hasValue(6);
    }
}
