package com.douyin.video.recommend;

import com.douyin.api.video.VideoDTO;
import com.douyin.api.video.VideoService;
import com.douyin.common.redis.RedisOutage;
import com.douyin.video.service.FeedPager;
import com.douyin.video.service.VideoQueryService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.redisson.client.RedisException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The "for you" feed. A viewer's page is the head of their queue ({@link RecommendedQueues}),
 * ranked again ({@link Ranker}) when it runs out, expires or a like of theirs dropped it: most
 * pages cost one Redis step. Nobody (no token) pages through one shared popular-and-fresh ranking,
 * made again every {@code douyin.recommend.anonymous-ttl}. When everything rankable was shown
 * lately, the viewer's shown list starts over. While Redis is out, the newest videos answer.
 */
@Service
public class RecommendedFeed {

    private static final int ANONYMOUS_SIZE = 300;

    private final Ranker ranker;
    private final RecommendedQueues queues;
    private final VideoQueryService newest;
    private final RedisOutage outage;
    private final int queueSize;
    private final long anonymousTtlMs;
    private volatile Ranking anonymous = new Ranking(List.of(), 0);
    /** Viewers whose queue is being ranked in this JVM: their concurrent requests wait for it rather than rank it again. */
    private final ConcurrentHashMap<Long, CompletableFuture<Void>> ranking = new ConcurrentHashMap<>();
    private static final long RANKING_WAIT_MS = 2_000;

    private record Ranking(List<Long> ids, long madeAt) {
    }

    public RecommendedFeed(Ranker ranker, RecommendedQueues queues, VideoQueryService newest, RedisOutage outage,
                           @Value("${douyin.recommend.queue-size:600}") int queueSize,
                           @Value("${douyin.recommend.anonymous-ttl:10s}") Duration anonymousTtl) {
        this.ranker = ranker;
        this.queues = queues;
        this.newest = newest;
        this.outage = outage;
        this.queueSize = queueSize;
        this.anonymousTtlMs = anonymousTtl.toMillis();
    }

    /**
     * Up to {@code count} video IDs for the viewer (0: nobody, who pages by {@code offset} through
     * the shared ranking; a viewer's calls take their next ones by themselves).
     */
    public List<Long> page(long viewerId, int offset, int count) {
        int size = viewerId == 0 ? FeedPager.size(count) : Math.max(1, Math.min(count, VideoService.RECOMMENDED_TAKE_MAX));
        if (outage.inEffect()) {
            return newestVideos(offset, size);
        }
        try {
            return viewerId == 0 ? anonymousPage(offset, size) : viewerPage(viewerId, size);
        } catch (RedisException e) {
            outage.failed(e);
            return newestVideos(offset, size);
        }
    }

    private List<Long> viewerPage(long viewerId, int size) {
        RecommendedQueues.Taken taken = queues.take(viewerId, size);
        List<Long> page = new ArrayList<>(taken.ids());
        if (page.size() < size) {
            page.addAll(rankAndTake(taken.viewer(), size - page.size()));
        }
        return page;
    }

    /**
     * Ranks the viewer's next queue (from what the take that found it short read of them) and
     * takes {@code count} of it in the step that stores it; a request of theirs that finds it being
     * ranked here waits for that one and takes from it.
     */
    private List<Long> rankAndTake(Ranker.Viewer viewer, int count) {
        long viewerId = viewer.id();
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> running = ranking.putIfAbsent(viewerId, mine);
        if (running != null) {
            try {
                running.get(RANKING_WAIT_MS, TimeUnit.MILLISECONDS);
                return queues.take(viewerId, count).ids();
            } catch (Exception failedOrSlow) {
                // rank it here then
            }
        }
        try {
            Ranker.Ranked ranked = ranker.rank(viewer, queueSize);
            // Seen it all: start over rather than answer nothing.
            return ranked.ids().isEmpty() ? List.of() : queues.storeAndTake(viewerId, ranked.ids(), count, ranked.startedOver());
        } finally {
            mine.complete(null);
            ranking.remove(viewerId, mine);
        }
    }

    private List<Long> anonymousPage(int offset, int size) {
        Ranking current = anonymous;
        if (System.currentTimeMillis() - current.madeAt() > anonymousTtlMs) {
            current = new Ranking(ranker.rank(ranker.nobody(), ANONYMOUS_SIZE).ids(), System.currentTimeMillis());
            anonymous = current;
        }
        List<Long> ids = current.ids();
        int from = Math.min(Math.max(0, offset), ids.size());
        return new ArrayList<>(ids.subList(from, Math.min(ids.size(), from + size)));
    }

    private List<Long> newestVideos(int offset, int size) {
        return newest.feed("", null, 1, FeedPager.MAX_PAGE).stream().skip(Math.max(0, offset)).limit(size).map(VideoDTO::id).toList();
    }
}
