package com.douyin.favorite.service;

import com.douyin.favorite.cache.LikedVideos;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/** Reads of who likes what, from the per-user sets in Redis. */
@Service
public class FavoriteQueryService {

    private final LikedVideos liked;

    public FavoriteQueryService(LikedVideos liked) {
        this.liked = liked;
    }

    public Set<Long> likedAmong(long userId, List<Long> videoIds) {
        return videoIds.isEmpty() ? Set.of() : liked.likedAmong(userId, videoIds);
    }

    public List<Long> likedVideos(long userId) {
        return liked.all(userId);
    }
}
