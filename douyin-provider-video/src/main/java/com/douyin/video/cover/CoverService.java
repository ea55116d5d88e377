package com.douyin.video.cover;

import com.douyin.common.storage.ObjectStore;
import com.douyin.video.cache.VideoCache;
import com.douyin.video.dao.VideoMapper;
import com.douyin.video.dao.VideoRow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Gives a published video its cover: extracts a JPEG from its file, stores it beside the video and
 * records its key. Idempotent: a video that has a cover is left alone. Each attempt is counted
 * ({@link OriginalFileWork}): a video whose file crashed FFmpeg {@link #MAX_ATTEMPTS} times keeps
 * the placeholder.
 */
@Service
public class CoverService {

    public static final int MAX_ATTEMPTS = OriginalFileWork.MAX_ATTEMPTS;

    private final VideoMapper videos;
    private final VideoCache cache;
    private final ObjectStore store;
    private final CoverExtractor extractor;
    private final OriginalFileWork fileWork;

    public CoverService(VideoMapper videos, VideoCache cache, ObjectStore store, CoverExtractor extractor, OriginalFileWork fileWork) {
        this.videos = videos;
        this.cache = cache;
        this.store = store;
        this.extractor = extractor;
        this.fileWork = fileWork;
    }

    /** The Redis key counting the attempts on {@code videoId}'s file that have not ended. */
    public static String attemptsKey(long videoId) {
        return "video:cover-attempts:" + videoId;
    }

    /** The cover's key, or null when there is no such video or its file cannot be decoded. */
    public String makeCover(long videoId) throws IOException {
        List<VideoRow> found = videos.findByIds(List.of(videoId));
        if (found.isEmpty()) {
            return null;
        }
        VideoRow video = found.get(0);
        if (!video.coverKey().isEmpty()) {
            return video.coverKey();
        }
        return fileWork.run(video, attemptsKey(videoId), "keeps the placeholder cover", original -> {
            byte[] jpeg = extractor.extractJpeg(original);
            String key = "covers/" + video.authorId() + "/" + video.id() + ".jpg";
            store.put(key, new ByteArrayInputStream(jpeg), jpeg.length, "image/jpeg");
            videos.updateCover(video.id(), key);
            // The next read picks the cover up from MySQL; the counters hash stays, since likes in
            // flight have moved it but not MySQL yet.
            cache.evictInfo(video.id());
            return key;
        });
    }
}
