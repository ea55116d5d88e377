package com.douyin.video.service;

import com.douyin.api.video.VideoDTO;
import com.douyin.video.dao.VideoDO;
import com.douyin.video.dao.VideoMapper;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** The feed, a user's works and batch reads. */
@Service
public class VideoQueryService {

    static final int MAX_FEED_PAGE = 30;

    private final VideoMapper videos;

    public VideoQueryService(VideoMapper videos) {
        this.videos = videos;
    }

    public List<VideoDTO> feed(long beforeMs, long unitMs, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_FEED_PAGE));
        long unit = unitMs <= 0 ? 1 : unitMs;
        List<VideoDO> rows = videos.findPublishedBefore(beforeMs, size + 1);
        return FeedPager.page(rows, size, unit).stream().map(VideoDO::toDTO).toList();
    }

    public List<VideoDTO> listByAuthor(long authorId) {
        return videos.findByAuthor(authorId).stream().map(VideoDO::toDTO).toList();
    }

    public List<VideoDTO> getVideos(List<Long> ids) {
        Set<Long> wanted = new LinkedHashSet<>(ids);
        if (wanted.isEmpty()) {
            return List.of();
        }
        Map<Long, VideoDO> found = videos.findByIds(wanted).stream()
                .collect(Collectors.toMap(VideoDO::id, Function.identity()));
        return wanted.stream().map(found::get).filter(v -> v != null).map(VideoDO::toDTO).toList();
    }
}
