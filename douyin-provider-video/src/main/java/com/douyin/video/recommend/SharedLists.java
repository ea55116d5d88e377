package com.douyin.video.recommend;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The parts of the model every viewer's ranking reads alike, held in this JVM a moment
 * ({@code douyin.recommend.shared-ttl}, 2 s) instead of read per ranking: the most liked videos
 * (the top {@code douyin.recommend.hot-candidates}, 1,000), the newest (all the model keeps,
 * {@value RecommendationModel#FRESH_KEPT}), each topic's most liked ({@value #PER_TOPIC}), and
 * each video's topic (which never changes, so it is kept for minutes). Each list comes with what
 * a ranking scores its videos by, their likes and topics, found when the list is read rather than
 * per ranking (the newest videos' likes are read from the most liked once per list, not per
 * ranking as for videos in no list). The lists are long so that a viewer who scrolls on is not
 * left with the few hundred videos they were shown least lately (the shown list keeps 600): with
 * 300 most liked, the rankings of such a viewer held 200 videos, and each page cost more.
 */
@Component
public class SharedLists {

    static final int PER_TOPIC = 200;

    /** What a ranking knows of a video: its likes (0: none) and its topic ("": none). */
    public record Known(double likes, String topic) {
    }

    /** A list's videos, first first, with what is known of each, and the most likes among them. */
    public record Listed(Map<Long, Known> videos, double maxLikes) {

        static Listed of(Map<Long, Known> videos) {
            double max = 0;
            for (Known known : videos.values()) {
                max = Math.max(max, known.likes());
            }
            return new Listed(videos, max);
        }
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

    /** The most liked videos, most first. */
    public Listed hot() {
        return lists.get(RecommendationModel.HOT);
    }

    /** The newest videos, newest first. */
    public Listed fresh() {
        return lists.get(RecommendationModel.FRESH);
    }

    /** One topic's most liked videos, most first (their topic is that one). */
    public Listed topicHot(String topic) {
        return lists.get(RecommendationModel.topicHotKey(topic));
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

    /** The likes of these videos in the model (0 for none), in one round trip. */
    public Map<Long, Double> likesOf(Collection<Long> videoIds) {
        List<String> ids = videoIds.stream().map(String::valueOf).toList();
        List<Double> scores = redisson.<String>getScoredSortedSet(RecommendationModel.HOT, StringCodec.INSTANCE).getScore(ids);
        Map<Long, Double> likes = new HashMap<>();
        int k = 0;
        for (Long id : videoIds) {
            Double score = scores.get(k++);
            likes.put(id, score == null ? 0.0 : score);
        }
        return likes;
    }

    private Listed read(String key) {
        boolean hot = key.equals(RecommendationModel.HOT);
        boolean fresh = key.equals(RecommendationModel.FRESH);
        Map<Long, Double> scores = RecommendationModel.idsWithScores(redisson.<String>getScoredSortedSet(key, StringCodec.INSTANCE)
                .entryRangeReversed(0, (hot ? hotCandidates : fresh ? RecommendationModel.FRESH_KEPT : PER_TOPIC) - 1));
        // A topic's list: its scores are likes and its topic is that one; the most liked: scores are likes.
        String topic = hot || fresh ? null : key.substring(RecommendationModel.topicHotKey("").length());
        Map<Long, String> topicsOfList = topic == null ? topicsOf(scores.keySet()) : Map.of();
        Map<Long, Double> likes = fresh && !scores.isEmpty() ? likesOf(scores.keySet()) : scores;
        Map<Long, Known> videos = new LinkedHashMap<>();
        for (Long id : scores.keySet()) {
            videos.put(id, new Known(likes.getOrDefault(id, 0.0), topic != null ? topic : topicsOfList.getOrDefault(id, "")));
        }
        return Listed.of(videos);
    }
}
