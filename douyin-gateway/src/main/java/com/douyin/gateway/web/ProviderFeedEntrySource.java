package com.douyin.gateway.web;

import com.douyin.api.video.VideoDTO;
import com.douyin.api.video.VideoService;
import com.douyin.gateway.json.UserJson;
import com.douyin.gateway.json.UserJsonMapper;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The feed entries' source: the video provider and, through {@link UserJsonMapper}, the user provider. */
@Component
class ProviderFeedEntrySource implements FeedEntrySource {

    @Autowired // ProviderReferences
    private VideoService videos;

    private final UserJsonMapper userJson;

    ProviderFeedEntrySource(UserJsonMapper userJson) {
        this.userJson = userJson;
    }

    @Override
    public List<VideoDTO> videos(List<Long> ids) {
        return videos.getVideos(ids);
    }

    @Override
    public Map<Long, UserJson> authors(Collection<Long> ids) {
        return userJson.byId(ids);
    }
}
