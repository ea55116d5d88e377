package com.douyin.writebehind;

import com.douyin.api.cache.CachedEntity;
import com.douyin.api.user.UserService;
import com.douyin.api.video.VideoService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The owners of the counter hashes likes and follows move ({@link CachedEntity}): the user and
 * video providers, asked over Dubbo to read the users and videos, which caches their counters.
 */
public final class CounterHashOwners implements ToggleSet.CounterOwners {

    private final UserService users;
    private final VideoService videos;

    /** Either may be null for a provider whose changes move only the other's counters. */
    public CounterHashOwners(UserService users, VideoService videos) {
        this.users = users;
        this.videos = videos;
    }

    @Override
    public void cache(Collection<String> hashKeys) {
        List<Long> userIds = new ArrayList<>();
        List<Long> videoIds = new ArrayList<>();
        for (String key : hashKeys) {
            Long user = CachedEntity.USER.idOfCountersKey(key);
            Long video = CachedEntity.VIDEO.idOfCountersKey(key);
            if (user != null && users != null) {
                userIds.add(user);
            } else if (video != null && videos != null) {
                videoIds.add(video);
            }
        }
        if (!userIds.isEmpty()) {
            users.getUsers(userIds);
        }
        if (!videoIds.isEmpty()) {
            videos.getVideos(videoIds);
        }
    }
}
