package com.douyin.video.cache;

import com.douyin.api.video.VideoDTO;
import com.douyin.api.cache.CachedEntity;
import com.douyin.common.cache.SplitEntityCache;
import com.douyin.common.redis.RedisOutage;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Videos in Redis: the fixed fields as one value ({@code video:info:ID}), the counters that
 * likes and comments change as a hash ({@code video:counters:ID}); a page in one round trip.
 */
@Component
public class VideoCache {

    static final List<String> COUNTERS = List.of("favorite_count", "comment_count");

    /** The fixed fields, as cached. */
    record Info(long id, long authorId, String title, String topic, String playKey, String coverKey, long publishedAt) {
        Info {
            topic = topic == null ? "" : topic; // cached before videos had topics
        }
    }

    private static final SplitEntityCache.Layout<VideoDTO, Info> LAYOUT = new SplitEntityCache.Layout<>() {
        @Override
        public long idOf(VideoDTO v) {
            return v.id();
        }

        @Override
        public Info fixedOf(VideoDTO v) {
            return new Info(v.id(), v.authorId(), v.title(), v.topic(), v.playKey(), v.coverKey(), v.publishedAt());
        }

        @Override
        public Map<String, Long> countersOf(VideoDTO v) {
            Map<String, Long> counters = new LinkedHashMap<>();
            counters.put("favorite_count", v.favoriteCount());
            counters.put("comment_count", v.commentCount());
            return counters;
        }

        @Override
        public VideoDTO join(Info i, Map<String, Long> c) {
            return new VideoDTO(i.id(), i.authorId(), i.title(), i.topic(), i.playKey(), i.coverKey(),
                    c.get("favorite_count"), c.get("comment_count"), i.publishedAt());
        }
    };

    private final SplitEntityCache<VideoDTO, Info> cache;

    public VideoCache(RedissonClient redisson, RedisOutage outage, @Value("${douyin.video.cache-ttl:30m}") Duration ttl) {
        this.cache = new SplitEntityCache<>(redisson, outage, CachedEntity.VIDEO, Info.class, COUNTERS, LAYOUT, ttl);
    }

    public Map<Long, VideoDTO> getAll(Collection<Long> ids) {
        return cache.getAll(ids);
    }

    /** Caches videos read from MySQL; answers them with the counters as cached (see {@link SplitEntityCache#putAll}). */
    public Map<Long, VideoDTO> putAll(Collection<VideoDTO> videos) {
        return cache.putAll(videos);
    }

    /** After a change of fixed fields (the cover): the counters stay cached. */
    public void evictInfo(long id) {
        cache.evictInfo(id);
    }
}
