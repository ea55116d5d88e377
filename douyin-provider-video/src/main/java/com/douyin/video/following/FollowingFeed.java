package com.douyin.video.following;

import com.douyin.api.common.PageCursor;
import com.douyin.api.video.VideoDTO;
import com.douyin.common.redis.RedisOutage;
import com.douyin.video.dao.AuthoredVideoKey;
import com.douyin.video.dao.VideoKey;
import com.douyin.video.dao.VideoMapper;
import com.douyin.video.datasource.ReadReplica;
import com.douyin.video.service.FeedPager;
import com.douyin.video.service.VideoQueryService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redisson.client.RedisException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The following feed: the newest videos of the accounts a viewer follows. Ordinary authors' videos
 * are pushed into the viewer's inbox ({@link FollowingInboxes}, by {@link InboxPusher}); the works
 * of authors with many followers ({@link PulledAuthors}) are read at read time, and so are those of
 * authors followed in the last {@code douyin.feed.follow-settle} (a push reads followers from MySQL,
 * where a new follow arrives a moment after Redis has it). The current follows decide: an
 * unfollowed author's videos are left out of the inbox's at once, a newly followed author's are
 * filled in by the first read. Videos are loaded as any page's; a video gone from MySQL drops out.
 * While Redis is out, every followed author is read from MySQL.
 */
@Service
public class FollowingFeed {

    /** Authors per statement of {@link VideoMapper#findNewestOfAuthors}. */
    private static final int AUTHORS_PER_QUERY = 200;

    private final FollowGraph graph;
    private final FollowingInboxes inboxes;
    private final PulledAuthors pulledAuthors;
    private final VideoMapper videos;
    private final VideoQueryService loader;
    private final RedisOutage outage;
    private final Duration settle;

    public FollowingFeed(FollowGraph graph, FollowingInboxes inboxes, PulledAuthors pulledAuthors, VideoMapper videos,
                         VideoQueryService loader, RedisOutage outage,
                         @Value("${douyin.feed.follow-settle:5m}") Duration settle) {
        this.graph = graph;
        this.inboxes = inboxes;
        this.pulledAuthors = pulledAuthors;
        this.videos = videos;
        this.loader = loader;
        this.outage = outage;
        this.settle = settle;
    }

    /** Up to {@code limit} videos after {@code cursor} (null: from the newest), paged as the feed is ({@link FeedPager}). */
    public List<VideoDTO> page(long viewerId, PageCursor cursor, long unitMs, int limit) {
        int size = FeedPager.size(limit);
        PageCursor after = cursor == null ? new PageCursor(Long.MAX_VALUE, 0) : cursor;
        Map<Long, Long> follows = graph.followingSince(viewerId);
        if (follows.isEmpty()) {
            return List.of();
        }
        List<AuthoredVideoKey> newest;
        if (outage.inEffect()) {
            newest = fromMysql(follows.keySet(), after, size + 1);
        } else {
            try {
                newest = fromInboxAndAuthors(viewerId, follows, after, size + 1);
            } catch (RedisException e) {
                outage.failed(e);
                newest = fromMysql(follows.keySet(), after, size + 1);
            }
        }
        List<VideoKey> keys = newest.stream().map(AuthoredVideoKey::key).toList();
        return loader.getVideos(FeedPager.page(keys, size, unitMs <= 0 ? 1 : unitMs).stream().map(VideoKey::id).toList());
    }

    /** Up to {@code count}, newest first. */
    private List<AuthoredVideoKey> fromInboxAndAuthors(long viewerId, Map<Long, Long> follows, PageCursor after, int count) {
        Set<Long> pulled = new HashSet<>(pulledAuthors.among(follows.keySet()));
        fillInbox(viewerId, follows, pulled);
        long settledBefore = System.currentTimeMillis() - settle.toMillis();
        follows.forEach((author, since) -> {
            if (since > settledBefore) {
                pulled.add(author);
            }
        });
        FollowingInboxes.Page inbox = inboxes.page(viewerId, after, count, follows::containsKey);
        List<AuthoredVideoKey> merged = new ArrayList<>(inbox.videos());
        if (!pulled.isEmpty()) {
            merged.addAll(ReadReplica.read(() -> newestOf(pulled, after, count)));
        }
        return newestDistinct(merged, inbox.horizon(), count);
    }

    /**
     * Fills the inbox with the authors it does not hold yet for their current follow: marked first,
     * then read from the primary (a publish committed after the mark is pushed into the inbox).
     */
    private void fillInbox(long viewerId, Map<Long, Long> follows, Set<Long> pulled) {
        Map<Long, String> held = inboxes.held(viewerId, follows.keySet());
        Map<Long, Long> missing = new LinkedHashMap<>();
        follows.forEach((author, since) -> {
            if (!pulled.contains(author) && !Long.toString(since).equals(held.get(author))) {
                missing.put(author, since);
            }
        });
        if (missing.isEmpty()) {
            return;
        }
        inboxes.markPending(viewerId, missing.keySet());
        inboxes.fill(viewerId, missing, newestOf(missing.keySet(), new PageCursor(Long.MAX_VALUE, 0), inboxes.size()));
    }

    /** Every followed author's works from MySQL (Redis out): the same order, no inbox. */
    private List<AuthoredVideoKey> fromMysql(Collection<Long> authors, PageCursor after, int count) {
        return newestDistinct(ReadReplica.read(() -> newestOf(authors, after, count)), null, count);
    }

    /** The newest {@code count} videos of these authors after the position, a few hundred authors per statement. */
    private List<AuthoredVideoKey> newestOf(Collection<Long> authors, PageCursor after, int count) {
        List<Long> all = new ArrayList<>(authors);
        List<AuthoredVideoKey> found = new ArrayList<>();
        for (int from = 0; from < all.size(); from += AUTHORS_PER_QUERY) {
            found.addAll(videos.findNewestOfAuthors(all.subList(from, Math.min(all.size(), from + AUTHORS_PER_QUERY)),
                    after.time(), after.id(), count));
        }
        return found;
    }

    /** The first {@code count}, newest first, without repeats, none older than {@code horizon} (a full inbox's oldest). */
    static List<AuthoredVideoKey> newestDistinct(List<AuthoredVideoKey> videos, AuthoredVideoKey horizon, int count) {
        Map<Long, AuthoredVideoKey> byId = new LinkedHashMap<>();
        videos.stream().sorted(AuthoredVideoKey.NEWEST_FIRST)
                .filter(video -> horizon == null || !horizon.position().isFollowedBy(video.publishedAt(), video.id()))
                .forEach(video -> byId.putIfAbsent(video.id(), video));
        return byId.values().stream().limit(count).toList();
    }
}
