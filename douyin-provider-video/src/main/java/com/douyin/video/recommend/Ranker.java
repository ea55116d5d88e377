package com.douyin.video.recommend;

import com.douyin.common.id.SnowflakeIdGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redisson.api.RBatch;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.ScoredEntry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Ranks videos for a viewer from the {@link RecommendationModel}: candidates are the videos
 * co-liked with the viewer's latest likes, the most liked of the viewer's favourite topics, the
 * most liked overall and the newest; each is scored
 * {@code (co-likes + 0.6 topic + 0.3 popularity) x (0.5 + 0.5 recency)}, where co-likes are summed
 * over the viewer's latest likes and divided by the square root of the candidate's likes (so what
 * everybody likes does not win on that alone), topic is the viewer's share of likes in its topic,
 * popularity its likes on a log scale and recency halves every {@code douyin.recommend.half-life}.
 * Every {@code 1/fresh-share}-th place goes to the newest video not yet placed, so new authors get
 * seen. A viewer with no likes (or nobody) gets popular-and-fresh. Four Redis round trips, whatever
 * the viewer has liked; nothing the viewer likes or was shown lately is ranked.
 */
@Component
public class Ranker {

    static final int SEEDS = 10;
    private static final int CO_PER_SEED = 30;
    private static final int TOPICS = 3;
    private static final int PER_TOPIC = 100;
    private static final int HOT = 150;
    private static final int FRESH = 50;

    private final RedissonClient redisson;
    private final double halfLifeMs;
    private final int freshEvery;

    public Ranker(RedissonClient redisson, @Value("${douyin.recommend.half-life:3d}") Duration halfLife,
                  @Value("${douyin.recommend.fresh-share:0.1}") double freshShare) {
        this.redisson = redisson;
        this.halfLifeMs = halfLife.toMillis();
        this.freshEvery = freshShare <= 0 ? Integer.MAX_VALUE : (int) Math.max(1, Math.round(1 / freshShare));
    }

    /** What a viewer's ranking starts from: their latest likes and likes per topic (none for nobody). */
    public record Viewer(long id, List<Long> latestLikes, Map<String, Long> topicLikes) {
        static final Viewer NOBODY = new Viewer(0, List.of(), Map.of());
    }

    /** Reads what the model knows of the viewer (one round trip). */
    public Viewer viewer(long viewerId) {
        RBatch batch = redisson.createBatch();
        batch.<String>getScoredSortedSet(RecommendationModel.likesKey(viewerId), StringCodec.INSTANCE).valueRangeReversedAsync(0, SEEDS - 1);
        batch.<String, String>getMap(RecommendationModel.topicsKey(viewerId), StringCodec.INSTANCE).readAllMapAsync();
        List<?> answers = batch.execute().getResponses();
        List<Long> likes = new ArrayList<>();
        ((Collection<?>) answers.get(0)).forEach(id -> likes.add(Long.valueOf((String) id)));
        Map<String, Long> topics = new HashMap<>();
        ((Map<?, ?>) answers.get(1)).forEach((topic, count) -> topics.put((String) topic, Math.round(Double.parseDouble((String) count))));
        return new Viewer(viewerId, likes, topics);
    }

    public Viewer nobody() {
        return Viewer.NOBODY;
    }

    /**
     * Up to {@code size} video IDs, best first, none in {@code excluded} and none that
     * {@code liked} says the viewer likes (asked once, for all candidates).
     */
    public List<Long> rank(Viewer viewer, Set<Long> excluded, LikedFilter liked, int size) {
        List<String> topTopics = viewer.topicLikes().entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(TOPICS).map(Map.Entry::getKey).toList();
        RBatch batch = redisson.createBatch();
        batch.<String>getScoredSortedSet(RecommendationModel.HOT, StringCodec.INSTANCE).entryRangeReversedAsync(0, HOT - 1);
        batch.<String>getScoredSortedSet(RecommendationModel.FRESH, StringCodec.INSTANCE).entryRangeReversedAsync(0, FRESH - 1);
        for (long seed : viewer.latestLikes()) {
            batch.<String>getScoredSortedSet(RecommendationModel.coKey(seed), StringCodec.INSTANCE).entryRangeReversedAsync(0, CO_PER_SEED - 1);
        }
        for (String topic : topTopics) {
            batch.<String>getScoredSortedSet(RecommendationModel.topicHotKey(topic), StringCodec.INSTANCE).entryRangeReversedAsync(0, PER_TOPIC - 1);
        }
        List<?> answers = batch.execute().getResponses();
        Map<Long, Double> likes = new HashMap<>(RecommendationModel.idsWithScores(entries(answers.get(0))));
        Map<Long, Double> fresh = RecommendationModel.idsWithScores(entries(answers.get(1)));
        Map<Long, Double> coLikes = new HashMap<>();
        int i = 2;
        for (int s = 0; s < viewer.latestLikes().size(); s++) {
            RecommendationModel.idsWithScores(entries(answers.get(i++))).forEach((id, count) -> coLikes.merge(id, count, Double::sum));
        }
        Map<Long, String> topicOf = new HashMap<>();
        for (String topic : topTopics) {
            RecommendationModel.idsWithScores(entries(answers.get(i++))).forEach((id, count) -> {
                topicOf.put(id, topic);
                likes.putIfAbsent(id, count);
            });
        }

        Set<Long> candidates = new LinkedHashSet<>(coLikes.keySet());
        candidates.addAll(topicOf.keySet());
        candidates.addAll(likes.keySet());
        candidates.addAll(fresh.keySet());
        candidates.removeAll(excluded);
        candidates.removeAll(viewer.latestLikes());
        if (candidates.isEmpty()) {
            return List.of();
        }
        completeFacts(candidates, likes, topicOf);
        if (viewer.id() != 0) {
            candidates.removeAll(liked.likedAmong(viewer.id(), List.copyOf(candidates)));
        }

        long now = System.currentTimeMillis();
        double maxLikes = likes.values().stream().mapToDouble(v -> v).max().orElse(0);
        long topicTotal = viewer.topicLikes().values().stream().mapToLong(v -> Math.max(0, v)).sum();
        Map<Long, Double> coScore = new HashMap<>();
        double maxCo = 0;
        for (long id : candidates) {
            double co = coLikes.getOrDefault(id, 0.0) / Math.sqrt(Math.max(0, likes.getOrDefault(id, 0.0)) + 1);
            coScore.put(id, co);
            maxCo = Math.max(maxCo, co);
        }
        Map<Long, Double> score = new HashMap<>();
        for (long id : candidates) {
            double co = maxCo > 0 ? coScore.get(id) / maxCo : 0;
            String topic = topicOf.get(id);
            double topicShare = topic == null || topicTotal == 0 ? 0 : Math.max(0, viewer.topicLikes().getOrDefault(topic, 0L)) / (double) topicTotal;
            double popularity = maxLikes > 0 ? Math.log1p(Math.max(0, likes.getOrDefault(id, 0.0))) / Math.log1p(maxLikes) : 0;
            double age = Math.max(0, now - SnowflakeIdGenerator.timestampOf(id));
            double recency = Math.pow(0.5, age / halfLifeMs);
            score.put(id, (0.1 + co + topicShare) * (0.25 + popularity) * (0.5 + 0.5 * recency));
        }
        List<Long> best = candidates.stream().sorted(Comparator.comparingDouble((Long id) -> score.get(id)).reversed()).toList();
        List<Long> newest = fresh.keySet().stream().filter(candidates::contains).toList(); // newest first
        return interleave(best, newest, size);
    }

    /** Every freshEvery-th place from {@code newest}, the others from {@code best}, without repeats. */
    private List<Long> interleave(List<Long> best, List<Long> newest, int size) {
        Set<Long> placed = new LinkedHashSet<>();
        int b = 0;
        int n = 0;
        while (placed.size() < size && (b < best.size() || n < newest.size())) {
            boolean freshPlace = (placed.size() + 1) % freshEvery == 0;
            if (freshPlace && n < newest.size()) {
                placed.add(newest.get(n++));
            } else if (b < best.size()) {
                placed.add(best.get(b++));
            } else {
                placed.add(newest.get(n++));
            }
        }
        return new ArrayList<>(placed);
    }

    /** The likes and topics of candidates that came from co-likes or the newest only (one round trip). */
    private void completeFacts(Set<Long> candidates, Map<Long, Double> likes, Map<Long, String> topicOf) {
        List<String> unknownLikes = new ArrayList<>();
        List<String> unknownTopic = new ArrayList<>();
        for (long id : candidates) {
            if (!likes.containsKey(id)) {
                unknownLikes.add(Long.toString(id));
            }
            if (!topicOf.containsKey(id)) {
                unknownTopic.add(Long.toString(id));
            }
        }
        if (unknownLikes.isEmpty() && unknownTopic.isEmpty()) {
            return;
        }
        RBatch batch = redisson.createBatch();
        if (!unknownLikes.isEmpty()) {
            batch.<String>getScoredSortedSet(RecommendationModel.HOT, StringCodec.INSTANCE).getScoreAsync(unknownLikes);
        }
        if (!unknownTopic.isEmpty()) {
            batch.<String, String>getMap(RecommendationModel.VIDEO_TOPIC, StringCodec.INSTANCE).getAllAsync(new HashSet<>(unknownTopic));
        }
        List<?> answers = batch.execute().getResponses();
        int i = 0;
        if (!unknownLikes.isEmpty()) {
            List<?> scores = (List<?>) answers.get(i++);
            for (int k = 0; k < unknownLikes.size(); k++) {
                Object s = scores.get(k);
                likes.put(Long.valueOf(unknownLikes.get(k)), s == null ? 0.0 : ((Number) s).doubleValue());
            }
        }
        if (!unknownTopic.isEmpty()) {
            ((Map<?, ?>) answers.get(i)).forEach((id, topic) -> topicOf.put(Long.valueOf((String) id), (String) topic));
        }
    }

    @SuppressWarnings("unchecked")
    private static Collection<ScoredEntry<String>> entries(Object answer) {
        return (Collection<ScoredEntry<String>>) answer;
    }

    /** Which of these videos the viewer likes (the favorite provider's answer). */
    public interface LikedFilter {
        Set<Long> likedAmong(long viewerId, List<Long> videoIds);
    }
}
