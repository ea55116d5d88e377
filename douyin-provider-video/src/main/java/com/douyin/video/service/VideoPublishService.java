package com.douyin.video.service;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.video.VideoDTO;
import com.douyin.api.video.VideoTitle;
import com.douyin.common.id.SnowflakeIdGenerator;
import com.douyin.video.dao.VideoMapper;
import org.springframework.stereotype.Service;

/** Records a published video. */
@Service
public class VideoPublishService {

    private final VideoMapper videos;
    private final SnowflakeIdGenerator ids;
    private final TitleMasker masker;

    public VideoPublishService(VideoMapper videos, SnowflakeIdGenerator ids, TitleMasker masker) {
        this.videos = videos;
        this.ids = ids;
        this.masker = masker;
    }

    public VideoDTO publish(long authorId, String playKey, String rawTitle) {
        String title = masker.mask(VideoTitle.normalize(rawTitle));
        if (playKey == null || playKey.isBlank()) {
            throw new DouyinException(ErrorCode.VIDEO_MISSING);
        }
        long id = ids.nextId();
        // The publish time is the ID's own timestamp: monotonic per worker, even if the clock steps back.
        long publishedAt = SnowflakeIdGenerator.timestampOf(id);
        videos.insert(id, authorId, title, playKey, publishedAt);
        return new VideoDTO(id, authorId, title, playKey, "", 0, 0, publishedAt);
    }
}
