package com.douyin.video.service;

import com.douyin.api.common.CursorPage;
import com.douyin.api.common.PageCursor;
import com.douyin.api.video.SearchKeyword;
import com.douyin.api.video.VideoDTO;
import com.douyin.video.datasource.ReadReplica;
import com.douyin.video.cache.AuthorVideoIds;
import com.douyin.video.cache.VideoCache;
import com.douyin.video.cache.VideoIdBloomFilter;
import com.douyin.video.dao.VideoRow;
import com.douyin.video.dao.VideoKey;
import com.douyin.video.dao.VideoMapper;
import com.douyin.common.text.SearchTerms;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;

/**
 * The feed, a user's works and batch reads. Which videos a page holds comes from MySQL's
 * covering indexes (IDs and times only); the videos themselves come from Redis, with the
 * missing ones read from MySQL in one query and cached.
 *
 * <p>With a MySQL replica ({@link ReadReplica}), the reads that may lag go there: the feed's and
 * search's pages of IDs, and another user's list while Redis cannot cache it. Whatever fills Redis
 * (videos by ID, an author's list) reads the primary, so the cache never keeps what a lagging
 * replica said; so does the author's own list (who just published sees the video), and so do
 * every write and everything in a transaction (VideoPublishService, VideoCounterService).
 */
@Service
public class VideoQueryService {

    static final int MAX_SEARCH_PAGE = 50;

    private final VideoMapper videos;
    private final VideoCache cache;
    private final AuthorVideoIds authorLists;
    private final VideoIdBloomFilter knownIds;
    private final VideoTopics topics;

    public VideoQueryService(VideoMapper videos, VideoCache cache, AuthorVideoIds authorLists, VideoIdBloomFilter knownIds,
                             VideoTopics topics) {
        this.videos = videos;
        this.topics = topics;
        this.cache = cache;
        this.authorLists = authorLists;
        this.knownIds = knownIds;
    }

    /**
     * Every video, or one topic's ("" or null: every video), paged alike: after {@code cursor}
     * (null: from the newest), whose ID 0 means strictly before its time.
     */
    public List<VideoDTO> feed(String rawTopic, PageCursor cursor, long unitMs, int limit) {
        String topic = topics.require(rawTopic);
        int size = FeedPager.size(limit);
        long unit = unitMs <= 0 ? 1 : unitMs;
        PageCursor after = cursor == null ? new PageCursor(Long.MAX_VALUE, 0) : cursor;
        List<VideoKey> rows = ReadReplica.read(() -> topic.isEmpty()
                ? videos.findKeysAfter(after.time(), after.id(), size + 1)
                : videos.findKeysOfTopicAfter(topic, after.time(), after.id(), size + 1));
        return load(FeedPager.page(rows, size, unit).stream().map(VideoKey::id).toList());
    }

    public CursorPage<VideoDTO> listByAuthor(long authorId, long viewerId, PageCursor cursor, int count) {
        Supplier<List<VideoKey>> fresh = () -> videos.findKeysByAuthor(authorId);
        Supplier<List<VideoKey>> uncached = viewerId == authorId ? fresh : () -> ReadReplica.read(fresh);
        CursorPage<Long> ids = authorLists.page(authorId, cursor, CursorPage.clamp(count), fresh, uncached);
        return ids.withItems(load(ids.items()));
    }

    /** Titles holding any word of the keyword, best matches first. */
    public List<VideoDTO> search(String keyword, int limit) {
        String terms = SearchTerms.query(SearchKeyword.normalize(keyword));
        if (terms.isEmpty()) {
            return List.of();
        }
        int size = Math.max(1, Math.min(limit, MAX_SEARCH_PAGE));
        return load(ReadReplica.read(() -> videos.findKeysMatching(terms, size)).stream().map(VideoKey::id).toList());
    }

    /**
     * Videos by IDs from outside (likes, links): uncached IDs that the bloom filter rules out never
     * reach MySQL; it is asked about all of them at once, not per ID.
     */
    public List<VideoDTO> getVideos(List<Long> ids) {
        return load(ids, knownIds::whichMightExist);
    }

    /** Videos by IDs just read from MySQL, so known to exist. */
    private List<VideoDTO> load(List<Long> ids) {
        return load(ids, UnaryOperator.identity());
    }

    /** The cache first (one round trip), then one query for the rest that {@code mayExist}. */
    private List<VideoDTO> load(List<Long> ids, UnaryOperator<List<Long>> mayExist) {
        Set<Long> wanted = new LinkedHashSet<>(ids);
        if (wanted.isEmpty()) {
            return List.of();
        }
        Map<Long, VideoDTO> found = new HashMap<>(cache.getAll(wanted));
        List<Long> missing = mayExist.apply(wanted.stream().filter(id -> !found.containsKey(id)).toList());
        if (!missing.isEmpty()) {
            List<VideoDTO> loaded = videos.findByIds(missing).stream().map(VideoRow::toDTO).toList();
            found.putAll(cache.putAll(loaded)); // with the cached counts, which may be ahead of MySQL
        }
        return wanted.stream().map(found::get).filter(v -> v != null).toList();
    }
}
