package com.douyin.video.recommend;

import com.douyin.api.event.FavoriteChangedEvent;
import com.douyin.common.id.SnowflakeIdGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.redisson.api.RedissonClient;

/**
 * A synthetic population with planted tastes, replayed into the recommendation model as the
 * broker would deliver it, and the precision@10 of the "for you" ranking against a popularity-only
 * one. Videos belong to {@code topics} topics, published over the last week; within a topic some
 * are far more likeable than others (Zipf). Each user has a topic and likes {@code likesPerUser}
 * videos, {@code ownTopicShare} of them in it. The replay trains on each user's first likes and
 * holds out the last {@link #HELD_OUT}: precision@10 is the share of a user's 10 recommendations
 * that are among their held-out likes, averaged over users.
 */
final class PlantedTastes {

    static final int HELD_OUT = 10;
    private static final double ZIPF = 0.9;

    final int topics;
    final int users;
    final int videos;
    final int likesPerUser;
    final double ownTopicShare;
    final long[] videoIds;
    final String[] videoTopic;
    final Map<Long, List<Long>> training = new HashMap<>();
    final Map<Long, Set<Long>> heldOut = new HashMap<>();
    private final long firstUser;

    PlantedTastes(int topics, int users, int videos, int likesPerUser, double ownTopicShare, long seed) {
        this.topics = topics;
        this.users = users;
        this.videos = videos;
        this.likesPerUser = likesPerUser;
        this.ownTopicShare = ownTopicShare;
        Random random = new Random(seed);
        long now = System.currentTimeMillis();
        long week = 7L * 24 * 3600 * 1000;
        videoIds = new long[videos];
        videoTopic = new String[videos];
        List<List<Integer>> byTopic = new ArrayList<>();
        for (int t = 0; t < topics; t++) {
            byTopic.add(new ArrayList<>());
        }
        for (int v = 0; v < videos; v++) {
            long publishedAt = now - week + week * v / videos;
            videoIds[v] = ((publishedAt - SnowflakeIdGenerator.EPOCH_MS) << 13) | (v & 0x1FFF);
            int topic = random.nextInt(topics);
            videoTopic[v] = "t" + topic;
            byTopic.get(topic).add(v);
        }
        // Within a topic, a random order of likeability: the k-th is liked in proportion to 1/k^0.9.
        List<double[]> cumulative = new ArrayList<>();
        for (List<Integer> members : byTopic) {
            Collections.shuffle(members, random);
            double[] sums = new double[members.size()];
            double sum = 0;
            for (int k = 0; k < members.size(); k++) {
                sum += 1 / Math.pow(k + 1, ZIPF);
                sums[k] = sum;
            }
            cumulative.add(sums);
        }
        firstUser = 1_000_000_000L + random.nextInt(1_000_000) * 1000L;
        for (int u = 0; u < users; u++) {
            int own = u % topics;
            Set<Long> liked = new LinkedHashSet<>();
            while (liked.size() < likesPerUser) {
                int topic = random.nextDouble() < ownTopicShare ? own : random.nextInt(topics);
                double[] sums = cumulative.get(topic);
                double pick = random.nextDouble() * sums[sums.length - 1];
                int k = Math.abs(Arrays.binarySearch(sums, pick) + 1);
                liked.add(videoIds[byTopic.get(topic).get(Math.min(k, sums.length - 1))]);
            }
            List<Long> order = new ArrayList<>(liked);
            training.put(userId(u), new ArrayList<>(order.subList(0, likesPerUser - HELD_OUT)));
            heldOut.put(userId(u), new HashSet<>(order.subList(likesPerUser - HELD_OUT, likesPerUser)));
        }
    }

    long userId(int u) {
        return firstUser + u;
    }

    /** Publishes, then every training like, interleaved across users as they would arrive, in the broker's batches. */
    void replay(RecommendationModel model) {
        List<RecommendationModel.Published> published = new ArrayList<>();
        for (int v = 0; v < videos; v++) {
            published.add(new RecommendationModel.Published(videoIds[v], SnowflakeIdGenerator.timestampOf(videoIds[v]), videoTopic[v]));
        }
        for (int from = 0; from < videos; from += 16) { // the consumer's batches
            model.published(published.subList(from, Math.min(videos, from + 16)));
        }
        List<FavoriteChangedEvent> events = new ArrayList<>();
        long sequence = System.currentTimeMillis() * 1000;
        for (int round = 0; round < likesPerUser - HELD_OUT; round++) {
            for (int u = 0; u < users; u++) {
                long user = userId(u);
                events.add(new FavoriteChangedEvent(user, training.get(user).get(round), 1, +1, sequence++));
            }
        }
        for (int from = 0; from < events.size(); from += 256) {
            model.liked(events.subList(from, Math.min(events.size(), from + 256)));
        }
    }

    /** Mean precision@10 of the ranking over all users. */
    double precisionOfRanker(Ranker ranker, RecommendedQueues queues) {
        double hits = 0;
        for (int u = 0; u < users; u++) {
            long user = userId(u);
            List<Long> top = ranker.rank(queues.viewer(user), 10).ids(); // training likes are the model's latest: none ranked
            hits += top.stream().filter(heldOut.get(user)::contains).count();
        }
        return hits / (users * 10.0);
    }

    /** Mean precision@10 of the most liked videos (in training) that the user does not like yet. */
    double precisionOfPopularity() {
        Map<Long, Integer> likes = new HashMap<>();
        training.values().forEach(list -> list.forEach(id -> likes.merge(id, 1, Integer::sum)));
        List<Long> mostLiked = likes.entrySet().stream().sorted(Map.Entry.<Long, Integer>comparingByValue().reversed())
                .map(Map.Entry::getKey).limit(10 + likesPerUser).toList();
        double hits = 0;
        for (int u = 0; u < users; u++) {
            long user = userId(u);
            Set<Long> known = new HashSet<>(training.get(user));
            hits += mostLiked.stream().filter(id -> !known.contains(id)).limit(10).filter(heldOut.get(user)::contains).count();
        }
        return hits / (users * 10.0);
    }

    /** Replays a population into a Redis database (emptied first) and prints both figures. */
    static Figures measure(RedissonClient redis, PlantedTastes population, double freshShare) {
        redis.getKeys().flushdb();
        RecommendationModel model = new RecommendationModel(redis);
        long started = System.nanoTime();
        population.replay(model);
        double replaySeconds = (System.nanoTime() - started) / 1e9;
        Ranker ranker = new Ranker(redis, new SharedLists(redis, Duration.ofSeconds(10), 1000), Duration.ofDays(3), freshShare);
        started = System.nanoTime();
        double ranked = population.precisionOfRanker(ranker, new RecommendedQueues(redis, Duration.ofMinutes(10), 600));
        double rankMs = (System.nanoTime() - started) / 1e6 / population.users;
        return new Figures(ranked, population.precisionOfPopularity(), replaySeconds, rankMs);
    }

    record Figures(double recommended, double popularity, double replaySeconds, double msPerRanking) {
        @Override
        public String toString() {
            return String.format("precision@10: recommended %.3f, popularity-only %.3f (%.1fx); replay %.1f s, %.2f ms per ranking",
                    recommended, popularity, recommended / Math.max(1e-9, popularity), replaySeconds, msPerRanking);
        }
    }
}
