package com.douyin.api.favorite;

import java.util.List;
import java.util.Set;

/** Likes: who likes which video; owned by douyin-provider-favorite. */
public interface FavoriteService {

    /** The viewer likes the video; liking a liked video changes nothing. Unknown videos are refused. */
    void like(long userId, long videoId);

    /** The viewer no longer likes the video; unliking what was never liked changes nothing. */
    void unlike(long userId, long videoId);

    /** Which of these videos the user likes (one call for a page). */
    Set<Long> likedAmong(long userId, List<Long> videoIds);

    /** The videos the user likes, most recent like first. */
    List<Long> likedVideos(long userId);
}
