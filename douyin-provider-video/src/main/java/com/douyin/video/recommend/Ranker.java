package com.douyin.video.recommend;

import com.douyin.common.id.SnowflakeIdGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
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
 * most liked overall and the newest ({@link SharedLists}); each is scored
 * {@code (0.1 + co-likes + topic) x (0.25 + popularity) x (0.5 + 0.5 recency)}, where co-likes are
 * summed over the viewer's latest likes and divided by the square root of the candidate's likes
 * (so what everybody likes does not win on that alone), then scaled to 0..1; topic is the viewer's
 * share of likes in the candidate's topic; popularity its likes on a log scale, 0..1; recency
 * halves every {@code douyin.recommend.half-life}. Every {@code 1/fresh-share}-th place goes to the
 * newest video not yet placed, so new authors get seen. A viewer with no likes (or nobody) gets
 * popular-and-fresh. Nothing the viewer liked or was shown lately is ranked. A ranking starts from
 * what is known of the viewer (read by the take that found their queue short, {@link
 * RecommendedQueues#take}), reads their seeds' co-likes (one round trip) and the likes of candidates in no list
 * (one; the topics of the few not in the shared lists are usually held).
 */
@Component
public class Ranker {

    static final int SEEDS = 10;
    private static final int CO_PER_SEED = 50;
    private static final int TOPICS = 3;

    private final RedissonClient redisson;
    private final SharedLists shared;
    private final double halfLifeMs;
    private final int freshEvery;

    public Ranker(RedissonClient redisson, SharedLists shared, @Value("${douyin.recommend.half-life:3d}") Duration halfLife,
                  @Value("${douyin.recommend.fresh-share:0.1}") double freshShare) {
        this.redisson = redisson;
        this.shared = shared;
        this.halfLifeMs = halfLife.toMillis();
        this.freshEvery = freshShare <= 0 ? Integer.MAX_VALUE : (int) Math.max(1, Math.round(1 / freshShare));
    }

    /**
     * What a viewer's ranking starts from: their latest likes (newest first; the first
     * {@value #SEEDS} seed the co-likes, none is ranked), likes per topic and what they were shown lately.
     */
    public record Viewer(long id, List<Long> latestLikes, Map<String, Long> topicLikes, Set<Long> shown) {
        static final Viewer NOBODY = new Viewer(0, List.of(), Map.of(), Set.of());

        List<Long> seeds() {
            return latestLikes.subList(0, Math.min(SEEDS, latestLikes.size()));
        }
    }

    public Viewer nobody() {
        return Viewer.NOBODY;
    }

    /**
     * A ranking: its IDs, best first, and whether it started over (the viewer was shown everything
     * rankable lately, so what they were shown is ranked again).
     */
    public record Ranked(List<Long> ids, boolean startedOver) {
    }

    /**
     * Up to {@code size} video IDs, best first, none the viewer liked lately (the model's latest
     * {@value RecommendationModel#RECENT_KEPT}; an older like is left out where the page is put
     * together, which asks what the viewer likes for every page anyway) and none they were shown
     * lately, unless they were shown all: then it starts over, in the same reads.
     */
    public Ranked rank(Viewer viewer, int size) {
        List<String> topTopics = viewer.topicLikes().entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(TOPICS).map(Map.Entry::getKey).toList();
        SharedLists.Listed hot = shared.hot();
        SharedLists.Listed fresh = shared.fresh();
        List<SharedLists.Listed> topicLists = topTopics.stream().map(shared::topicHot).toList();
        Map<Long, Double> coLikes = coLikes(viewer.seeds());

        // Each video once, in this order (it breaks ties): co-liked, the topics' most liked, the most liked, the newest.
        Candidates found = new Candidates(viewer);
        found.consider(coLikes.keySet());
        topicLists.forEach(list -> found.consider(list.videos().keySet()));
        found.consider(hot.videos().keySet());
        found.consider(fresh.videos().keySet());
        boolean startOver = found.unshown.isEmpty() && !found.shown.isEmpty();
        Set<Long> candidates = startOver ? found.shown : found.unshown;
        if (candidates.isEmpty()) {
            return new Ranked(List.of(), false);
        }
        KnownVideos listed = new KnownVideos(hot, topicLists, fresh, Map.of());
        KnownVideos known = listed.withRest(knownOfTheRest(candidates, listed));

        long now = System.currentTimeMillis();
        double logMaxLikes = Math.log1p(Math.max(0, known.maxLikes()));
        Map<String, Double> topicShares = topicShares(viewer);
        double maxCo = 0;
        for (Map.Entry<Long, Double> co : coLikes.entrySet()) {
            co.setValue(co.getValue() / Math.sqrt(Math.max(0, known.of(co.getKey()).likes()) + 1));
            maxCo = Math.max(maxCo, co.getValue());
        }
        long[] ids = new long[candidates.size()];
        double[] scores = new double[ids.length];
        int n = 0;
        for (Long id : candidates) { // (boxed: each map below is asked by the same Long)
            SharedLists.Known facts = known.of(id);
            double co = maxCo > 0 ? coLikes.getOrDefault(id, 0.0) / maxCo : 0;
            double topicShare = topicShares.getOrDefault(facts.topic(), 0.0);
            double popularity = logMaxLikes > 0 ? Math.log1p(Math.max(0, facts.likes())) / logMaxLikes : 0;
            double recency = Math.pow(0.5, Math.max(0, now - SnowflakeIdGenerator.timestampOf(id)) / halfLifeMs);
            ids[n] = id;
            scores[n++] = (0.1 + co + topicShare) * (0.25 + popularity) * (0.5 + 0.5 * recency);
        }
        List<Long> newest = fresh.videos().keySet().stream().filter(candidates::contains).toList(); // newest first
        return new Ranked(interleave(bestFirst(ids, scores, size), newest, size), startOver);
    }

    /** The viewer's share of likes in each topic they liked (none: no topic scores). */
    private static Map<String, Double> topicShares(Viewer viewer) {
        long total = 0;
        for (long count : viewer.topicLikes().values()) {
            total += Math.max(0, count);
        }
        Map<String, Double> shares = new HashMap<>();
        for (Map.Entry<String, Long> topic : viewer.topicLikes().entrySet()) {
            if (total > 0 && topic.getValue() > 0 && !topic.getKey().isEmpty()) {
                shares.put(topic.getKey(), topic.getValue() / (double) total);
            }
        }
        return shares;
    }

    /**
     * What a ranking knows of its candidates: the likes and topic of each as the first list holding it
     * has them (the viewer's topics' lists, the most liked, the newest), else as read for this ranking.
     */
    private record KnownVideos(SharedLists.Listed hot, List<SharedLists.Listed> topicLists, SharedLists.Listed fresh,
                               Map<Long, SharedLists.Known> rest) {

        private static final SharedLists.Known NOTHING = new SharedLists.Known(0, "");

        SharedLists.Known of(Long id) {
            SharedLists.Known known = listed(id);
            return known != null ? known : rest.getOrDefault(id, NOTHING);
        }

        /** What the shared lists know of a video (null: none holds it); a topic's list knows its topic for sure. */
        SharedLists.Known listed(Long id) {
            for (SharedLists.Listed list : topicLists) {
                SharedLists.Known known = list.videos().get(id);
                if (known != null) {
                    return known;
                }
            }
            SharedLists.Known known = hot.videos().get(id);
            return known != null ? known : fresh.videos().get(id);
        }

        KnownVideos withRest(Map<Long, SharedLists.Known> read) {
            return new KnownVideos(hot, topicLists, fresh, read);
        }

        double maxLikes() {
            double max = Math.max(hot.maxLikes(), fresh.maxLikes());
            for (SharedLists.Listed list : topicLists) {
                max = Math.max(max, list.maxLikes());
            }
            for (SharedLists.Known known : rest.values()) {
                max = Math.max(max, known.likes());
            }
            return max;
        }
    }

    /** The likes and topics of candidates in none of the lists (co-liked ones), read for this ranking (two round trips at most). */
    private Map<Long, SharedLists.Known> knownOfTheRest(Set<Long> candidates, KnownVideos listed) {
        List<Long> rest = new ArrayList<>();
        for (Long id : candidates) {
            if (listed.listed(id) == null) {
                rest.add(id);
            }
        }
        if (rest.isEmpty()) {
            return Map.of();
        }
        Map<Long, Double> likes = shared.likesOf(rest);
        Map<Long, String> topics = shared.topicsOf(rest);
        Map<Long, SharedLists.Known> known = new HashMap<>();
        for (Long id : rest) {
            known.put(id, new SharedLists.Known(likes.getOrDefault(id, 0.0), topics.getOrDefault(id, "")));
        }
        return known;
    }

    /**
     * The videos a ranking may hold, each once in the order considered: those the viewer was not
     * shown lately, and apart those they were (ranked only when nothing else is left); none they like.
     */
    private static final class Candidates {
        final Set<Long> unshown = new LinkedHashSet<>();
        final Set<Long> shown = new LinkedHashSet<>();
        private final Set<Long> liked;
        private final Set<Long> shownLately;

        Candidates(Viewer viewer) {
            this.liked = new HashSet<>(viewer.latestLikes());
            this.shownLately = viewer.shown();
        }

        void consider(Collection<Long> ids) {
            for (Long id : ids) {
                if (!liked.contains(id)) {
                    (shownLately.contains(id) ? shown : unshown).add(id);
                }
            }
        }
    }

    /** The co-like counts of the seeds' partners, summed (one round trip). */
    private Map<Long, Double> coLikes(List<Long> seeds) {
        Map<Long, Double> coLikes = new HashMap<>();
        if (seeds.isEmpty()) {
            return coLikes;
        }
        RBatch batch = redisson.createBatch();
        for (long seed : seeds) {
            batch.<String>getScoredSortedSet(RecommendationModel.coKey(seed), StringCodec.INSTANCE).entryRangeReversedAsync(0, CO_PER_SEED - 1);
        }
        for (Object answer : batch.execute().getResponses()) {
            @SuppressWarnings("unchecked")
            Collection<ScoredEntry<String>> entries = (Collection<ScoredEntry<String>>) answer;
            RecommendationModel.idsWithScores(entries).forEach((id, count) -> coLikes.merge(id, count, Double::sum));
        }
        return coLikes;
    }

    /** The {@code limit} highest scores' IDs, highest first. */
    private static List<Long> bestFirst(long[] ids, double[] scores, int limit) {
        Integer[] order = new Integer[ids.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        List<Long> best = new ArrayList<>(Math.min(limit, ids.length));
        for (int k = 0; k < Math.min(limit, ids.length); k++) {
            best.add(ids[order[k]]);
        }
        return best;
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

}
