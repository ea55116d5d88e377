package com.douyin.gateway.web;

import com.douyin.api.video.VideoDTO;
import com.douyin.gateway.json.UserJson;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Where {@link FeedEntries} reads the videos and authors it does not hold, or holds for a while already. */
interface FeedEntrySource {

    /** The videos of {@code ids} that exist. */
    List<VideoDTO> videos(List<Long> ids);

    /** The anonymous User object of each of {@code ids}. */
    Map<Long, UserJson> authors(Collection<Long> ids);
}
