package com.douyin.common.video;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.video.VideoDTO;
import com.douyin.api.video.VideoService;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /** The authors of these videos, known ones from memory and the rest in one call; unknown videos are left out. */
    public Map<Long, Long> authorsOf(Collection<Long> videoIds) {
        Map<Long, Long> found = new HashMap<>(authors.getAllPresent(videoIds));
        Set<Long> missing = new LinkedHashSet<>(videoIds);
        missing.removeAll(found.keySet());
        if (!missing.isEmpty()) {
            for (VideoDTO video : videos.getVideos(List.copyOf(missing))) {
                authors.put(video.id(), video.authorId());
                found.put(video.id(), video.authorId());
            }
        }
        return found;
    }
}
