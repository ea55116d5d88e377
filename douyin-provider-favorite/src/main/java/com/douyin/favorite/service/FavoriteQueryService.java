package com.douyin.favorite.service;

import com.douyin.common.redis.RedisOutage;
import com.douyin.favorite.cache.LikedVideos;
import com.douyin.favorite.dao.FavoriteMapper;
import com.douyin.favorite.dao.LikedVideo;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/** Reads of who likes what: from the per-user sets in Redis, or from the rows while Redis is out. */
@Service
public class FavoriteQueryService {

    private final LikedVideos liked;
    private final FavoriteMapper favorites;
    private final RedisOutage outage;

    public FavoriteQueryService(LikedVideos liked, FavoriteMapper favorites, RedisOutage outage) {
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

    public List<Long> likedVideos(long userId) {
        return outage.redisOrElse(() -> liked.all(userId),
                () -> favorites.findLiked(userId).stream()
                        .sorted(Comparator.comparingLong(LikedVideo::likedAt).reversed())
                        .map(LikedVideo::videoId)
                        .toList());
    }
}
