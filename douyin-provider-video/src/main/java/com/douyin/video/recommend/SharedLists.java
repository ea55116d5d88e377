package com.douyin.video.recommend;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The parts of the model every viewer's ranking reads alike, held in this JVM a moment
 * ({@code douyin.recommend.shared-ttl}, 2 s) instead of read per ranking: the most liked videos
 * (the top {@code douyin.recommend.hot-candidates}, 1,000), the newest ({@value #FRESH}), each
 * topic's most liked ({@value #PER_TOPIC}), and each video's topic (which never changes, so it is
 * kept for minutes). The most liked and the newest come with their videos' topics, found when the
 * list is read rather than per ranking. The most liked are many so that a viewer who scrolls on is not left with
 * the few hundred videos they were shown least lately (the shown list keeps 600): with 300, the
 * rankings of such a viewer held 200 videos, and each page cost more.
 */
@Component
public class SharedLists {

    static final int FRESH = 100;
    static final int PER_TOPIC = 200;

    /** A list's videos, first first, with their scores (likes, or publish time), and their topics where the list has them. */
    public record Listed(Map<Long, Double> scores, Map<Long, String> topics) {
    }

    private final RedissonClient redisson;
    private final int hotCandidates;
    private final LoadingCache<String, Listed> lists;
    private final Cache<Long, String> topics =
            Caffeine.newBuilder().maximumSize(200_000).expireAfterWrite(Duration.ofMinutes(10)).build();

    public SharedLists(RedissonClient redisson, @Value("${douyin.recommend.shared-ttl:2s}") Duration ttl,
                       @Value("${douyin.recommend.hot-candidates:1000}") int hotCandidates) {
        this.redisson = redisson;
        this.hotCandidates = hotCandidates;
        this.lists = Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(ttl).build(this::read);
    }

    /** The most liked videos, most first, with their likes and topics. */
    public Listed hot() {
        return lists.get(RecommendationModel.HOT);
    }

    /** The newest videos, newest first, with their publish times and topics. */
    public Listed fresh() {
        return lists.get(RecommendationModel.FRESH);
    }

    /** One topic's most liked videos, most first, with their likes (their topic is that one). */
    public Map<Long, Double> topicHot(String topic) {
        return lists.get(RecommendationModel.topicHotKey(topic)).scores();
    }

    /** The topics of these videos ("" for none), those not held here read in one round trip. */
    public Map<Long, String> topicsOf(Collection<Long> videoIds) {
        Map<Long, String> found = new HashMap<>(topics.getAllPresent(videoIds));
        List<String> missing = videoIds.stream().filter(id -> !found.containsKey(id)).map(String::valueOf).toList();
        if (!missing.isEmpty()) {
            Map<String, String> read = redisson.<String, String>getMap(RecommendationModel.VIDEO_TOPIC, StringCodec.INSTANCE)
                    .getAll(new HashSet<>(missing));
            for (String id : missing) {
                String topic = read.getOrDefault(id, "");
                found.put(Long.valueOf(id), topic);
                topics.put(Long.valueOf(id), topic);
            }
        }
        return found;
    }

    private Listed read(String key) {
        boolean hot = key.equals(RecommendationModel.HOT);
        boolean fresh = key.equals(RecommendationModel.FRESH);
        Map<Long, Double> scores = RecommendationModel.idsWithScores(redisson.<String>getScoredSortedSet(key, StringCodec.INSTANCE)
                .entryRangeReversed(0, (hot ? hotCandidates : fresh ? FRESH : PER_TOPIC) - 1));
        return new Listed(scores, hot || fresh ? topicsOf(scores.keySet()) : Map.of());
    }
}
