package com.douyin.common.video;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.video.VideoDTO;
import com.douyin.api.video.VideoService;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;

/**
 * For providers that act on videos (likes, comments): whether a video exists and who its
 * author is, asked of the video provider once and then kept in memory. A video's author never
 * changes, so there is nothing to invalidate. A provider declares it as a bean with its own
 * Dubbo reference to {@link VideoService}.
 */
public class VideoAuthors {

    private final VideoService videos;
    private final Cache<Long, Long> authors = Caffeine.newBuilder().maximumSize(200_000).build();

    public VideoAuthors(VideoService videos) {
        this.videos = videos;
    }

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
