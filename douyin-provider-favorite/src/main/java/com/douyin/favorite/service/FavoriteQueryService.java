package com.douyin.favorite.service;

import com.douyin.api.common.CursorPage;
import com.douyin.api.common.PageCursor;
import com.douyin.common.redis.RedisOutage;
import com.douyin.favorite.cache.FavoritedVideos;
import com.douyin.favorite.dao.FavoriteMapper;
import com.douyin.favorite.dao.FavoritedVideo;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/** Reads of who likes what: from the per-user sets in Redis, or from the rows while Redis is out. */
@Service
public class FavoriteQueryService {

    private final FavoritedVideos liked;
    private final FavoriteMapper favorites;
    private final RedisOutage outage;

    public FavoriteQueryService(FavoritedVideos liked, FavoriteMapper favorites, RedisOutage outage) {
        this.liked = liked;
        this.favorites = favorites;
        this.outage = outage;
    }

    public Set<Long> likedAmong(long userId, List<Long> videoIds) {
        if (videoIds.isEmpty()) {
            return Set.of();
        }
        return outage.redisOrElse(() -> liked.likedAmong(userId, videoIds),
                () -> new HashSet<>(favorites.likedAmong(userId, videoIds)));
    }

    /** Most recent like first; likes of the same millisecond by video ID, highest first, in Redis and in MySQL alike. */
    public CursorPage<Long> likedVideos(long userId, PageCursor cursor, int count) {
        int size = CursorPage.clamp(count);
        return outage.redisOrElse(() -> liked.page(userId, cursor, size), () -> likedVideosInMysql(userId, cursor, size));
    }

    /** The page as the rows hold it, for while Redis is out. */
    public CursorPage<Long> likedVideosInMysql(long userId, PageCursor cursor, int count) {
        List<FavoritedVideo> newestFirst = favorites.findLiked(userId).stream()
                .sorted(Comparator.comparingLong(FavoritedVideo::likedAt).thenComparingLong(FavoritedVideo::videoId).reversed())
                .toList();
        CursorPage<FavoritedVideo> page = CursorPage.after(cursor, newestFirst, count, v -> new PageCursor(v.likedAt(), v.videoId()));
        return page.withItems(page.items().stream().map(FavoritedVideo::videoId).toList());
    }
}
