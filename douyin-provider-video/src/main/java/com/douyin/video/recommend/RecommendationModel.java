package com.douyin.video.recommend;

import com.douyin.api.event.FavoriteChangedEvent;
import com.douyin.writebehind.LatestPerPair;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redisson.api.RBatch;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.ScoredEntry;
import org.springframework.stereotype.Component;

/**
 * What the "for you" feed knows, in Redis, kept up to date from the events the broker carries
 * (likes and publishes), a batch at a time:
 * <ul>
 *   <li>{@code rec:hot} and {@code rec:hot:topic:TOPIC}: likes per video (sorted sets), all videos
 *       and each topic's;</li>
 *   <li>{@code rec:co:VIDEO}: the videos liked by the same users as this one ("viewers who liked
 *       this also liked"), with how often; each like pairs the video with the liker's
 *       {@value #PARTNERS} previous likes, and each set keeps its {@value #CO_KEPT} strongest;</li>
 *   <li>{@code rec:likes:{USER}}: the user's {@value #RECENT_KEPT} latest likes, the seeds of their
 *       co-likes; {@code rec:topics:{USER}}: their likes per topic;</li>
 *   <li>{@code rec:fresh}: the newest {@value #FRESH_KEPT} videos by publish time;
 *       {@code rec:video-topic}: each video's topic.</li>
 * </ul>
 * A batch is summed before it is written (a like storm of a few videos costs a few writes), and
 * applied in two round trips: one reading the likers' latest likes and the videos' topics, one
 * writing. It is a model, not a ledger: a redelivered batch counts twice, an unlike does not undo
 * the pairs its like made; the likes themselves are exact in the favorite provider.
 */
@Component
public class RecommendationModel {

    static final int PARTNERS = 10;
    static final int RECENT_KEPT = 50;
    static final int CO_KEPT = 200;
    static final int FRESH_KEPT = 500;
    static final String HOT = "rec:hot";
    static final String FRESH = "rec:fresh";
    static final String VIDEO_TOPIC = "rec:video-topic";

    private final RedissonClient redisson;

    public RecommendationModel(RedissonClient redisson) {
        this.redisson = redisson;
    }

    /** A published video: its ID, publish time and topic ("" for none). */
    public record Published(long videoId, long publishedAt, String topic) {
    }

    /** Published videos: fresh, and known with their topics (one round trip). */
    public void published(List<Published> videos) {
        if (videos.isEmpty()) {
            return;
        }
        RBatch batch = redisson.createBatch();
        Map<String, Double> fresh = new HashMap<>();
        Map<String, String> topics = new HashMap<>();
        for (Published video : videos) {
            fresh.put(Long.toString(video.videoId()), (double) video.publishedAt());
            if (!video.topic().isEmpty()) {
                topics.put(Long.toString(video.videoId()), video.topic());
            }
        }
        batch.<String>getScoredSortedSet(FRESH, StringCodec.INSTANCE).addAllAsync(fresh);
        batch.<String>getScoredSortedSet(FRESH, StringCodec.INSTANCE).removeRangeByRankAsync(0, -FRESH_KEPT - 1);
        if (!topics.isEmpty()) {
            batch.<String, String>getMap(VIDEO_TOPIC, StringCodec.INSTANCE).putAllAsync(topics);
        }
        batch.execute();
    }

    /**
     * A topic found for a video published without one (from the assistant's keywords): its likes
     * count for that topic from now on. A topic the video already has is kept.
     */
    public void topicFound(long videoId, String topic) {
        redisson.<String, String>getMap(VIDEO_TOPIC, StringCodec.INSTANCE).fastPutIfAbsent(Long.toString(videoId), topic);
    }

    /** Likes and unlikes of a batch, summed, then written in one round trip. */
    public void liked(List<FavoriteChangedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<FavoriteChangedEvent> latest = LatestPerPair.of(events);
        Set<Long> likers = new LinkedHashSet<>();
        Set<Long> videos = new LinkedHashSet<>();
        for (FavoriteChangedEvent event : latest) {
            videos.add(event.videoId());
            if (event.delta() > 0) {
                likers.add(event.userId());
            }
        }
        RBatch reads = redisson.createBatch();
        reads.<String, String>getMap(VIDEO_TOPIC, StringCodec.INSTANCE).getAllAsync(strings(videos));
        for (long liker : likers) {
            reads.<String>getScoredSortedSet(likesKey(liker), StringCodec.INSTANCE).valueRangeReversedAsync(0, PARTNERS - 1);
        }
        List<?> answers = reads.execute().getResponses();
        @SuppressWarnings("unchecked")
        Map<String, String> topics = (Map<String, String>) answers.get(0);
        Map<Long, List<Long>> partners = new HashMap<>();
        int i = 1;
        for (long liker : likers) {
            List<Long> recent = new ArrayList<>();
            for (Object video : (Collection<?>) answers.get(i++)) {
                recent.add(Long.valueOf((String) video));
            }
            partners.put(liker, recent);
        }

        Map<Long, Double> hot = new HashMap<>();
        Map<String, Map<Long, Double>> topicHot = new HashMap<>();
        Map<Long, Map<String, Long>> userTopics = new HashMap<>();
        for (FavoriteChangedEvent event : events) { // every change counts, however the pair ends
            hot.merge(event.videoId(), (double) event.delta(), Double::sum);
            String topic = topics.getOrDefault(Long.toString(event.videoId()), "");
            if (!topic.isEmpty()) {
                topicHot.computeIfAbsent(topic, t -> new HashMap<>()).merge(event.videoId(), (double) event.delta(), Double::sum);
                userTopics.computeIfAbsent(event.userId(), u -> new HashMap<>()).merge(topic, (long) event.delta(), Long::sum);
            }
        }
        Map<Long, Map<Long, Double>> co = new HashMap<>();
        Map<Long, Map<Long, Double>> likedNow = new LinkedHashMap<>();
        Map<Long, List<Long>> unlikedNow = new HashMap<>();
        for (FavoriteChangedEvent event : latest) { // the pair's state: co-likes of what stays liked
            if (event.delta() < 0) {
                unlikedNow.computeIfAbsent(event.userId(), u -> new ArrayList<>()).add(event.videoId());
                continue;
            }
            List<Long> recent = partners.get(event.userId());
            for (long other : recent.subList(0, Math.min(PARTNERS, recent.size()))) {
                if (other != event.videoId()) {
                    co.computeIfAbsent(event.videoId(), v -> new HashMap<>()).merge(other, 1.0, Double::sum);
                    co.computeIfAbsent(other, v -> new HashMap<>()).merge(event.videoId(), 1.0, Double::sum);
                }
            }
            recent.add(0, event.videoId()); // the next like of this batch pairs with this one too
            likedNow.computeIfAbsent(event.userId(), u -> new LinkedHashMap<>()).put(event.videoId(), (double) event.sequence());
        }

        RBatch writes = redisson.createBatch();
        hot.forEach((video, delta) -> {
            if (delta != 0) {
                writes.<String>getScoredSortedSet(HOT, StringCodec.INSTANCE).addScoreAsync(Long.toString(video), delta);
            }
        });
        topicHot.forEach((topic, deltas) -> deltas.forEach((video, delta) -> {
            if (delta != 0) {
                writes.<String>getScoredSortedSet(topicHotKey(topic), StringCodec.INSTANCE).addScoreAsync(Long.toString(video), delta);
            }
        }));
        userTopics.forEach((user, deltas) -> deltas.forEach((topic, delta) -> {
            if (delta != 0) {
                writes.<String, String>getMap(topicsKey(user), StringCodec.INSTANCE).addAndGetAsync(topic, delta);
            }
        }));
        co.forEach((video, others) -> {
            var set = writes.<String>getScoredSortedSet(coKey(video), StringCodec.INSTANCE);
            others.forEach((other, count) -> set.addScoreAsync(Long.toString(other), count));
            set.removeRangeByRankAsync(0, -CO_KEPT - 1);
        });
        likedNow.forEach((user, liked) -> {
            var set = writes.<String>getScoredSortedSet(likesKey(user), StringCodec.INSTANCE);
            Map<String, Double> members = new HashMap<>();
            liked.forEach((video, at) -> members.put(Long.toString(video), at));
            set.addAllAsync(members);
            set.removeRangeByRankAsync(0, -RECENT_KEPT - 1);
        });
        unlikedNow.forEach((user, unliked) ->
                writes.<String>getScoredSortedSet(likesKey(user), StringCodec.INSTANCE).removeAllAsync(strings(unliked)));
        for (long user : union(likedNow.keySet(), unlikedNow.keySet())) {
            writes.getBucket(RecommendedQueues.queueKey(user), StringCodec.INSTANCE).deleteAsync(); // the next page sees the change
        }
        writes.execute();
    }

    /** Entries of a sorted set newest or highest first, as (ID, score). */
    static Map<Long, Double> idsWithScores(Collection<ScoredEntry<String>> entries) {
        Map<Long, Double> ids = new LinkedHashMap<>();
        for (ScoredEntry<String> entry : entries) {
            ids.put(Long.valueOf(entry.getValue()), entry.getScore());
        }
        return ids;
    }

    static String topicHotKey(String topic) {
        return "rec:hot:topic:" + topic;
    }

    static String coKey(long videoId) {
        return "rec:co:" + videoId;
    }

    static String likesKey(long userId) {
        return "rec:likes:{" + userId + "}";
    }

    static String topicsKey(long userId) {
        return "rec:topics:{" + userId + "}";
    }

    private static Set<String> strings(Collection<Long> ids) {
        Set<String> strings = new LinkedHashSet<>();
        ids.forEach(id -> strings.add(Long.toString(id)));
        return strings;
    }

    private static Set<Long> union(Set<Long> a, Set<Long> b) {
        Set<Long> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
