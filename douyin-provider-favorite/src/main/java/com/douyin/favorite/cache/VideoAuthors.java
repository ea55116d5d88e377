package com.douyin.favorite.cache;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.video.VideoDTO;
import com.douyin.api.video.VideoService;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.stereotype.Component;

/**
 * The author of each liked video (for total_favorited), asked of the video provider once and
 * then kept in memory: a video's author never changes, so there is nothing to invalidate.
 */
@Component
public class VideoAuthors {

    @DubboReference(providedBy = "douyin-video", check = false)
    private VideoService videos;

    private final Cache<Long, Long> authors = Caffeine.newBuilder().maximumSize(200_000).build();

    /** The author's ID; VIDEO_NOT_FOUND for an unknown video (never cached). */
    public long authorOf(long videoId) {
        Long known = authors.getIfPresent(videoId);
        if (known != null) {
            return known;
        }
        List<VideoDTO> found = videos.getVideos(List.of(videoId));
        if (found.isEmpty()) {
            throw new DouyinException(ErrorCode.VIDEO_NOT_FOUND);
        }
        authors.put(videoId, found.get(0).authorId());
        return found.get(0).authorId();
    }
}
