package com.douyin.video.cover;

import com.douyin.common.storage.ObjectStore;
import com.douyin.video.cache.VideoCache;
import com.douyin.video.dao.VideoDO;
import com.douyin.video.dao.VideoMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Gives a published video its cover: copies the file out of the object store (FFmpeg needs a
 * seekable file), extracts a JPEG, stores it beside the video and records its key. Idempotent:
 * a video that has a cover is left alone.
 */
@Service
public class CoverService {

    private static final Logger log = LoggerFactory.getLogger(CoverService.class);

    private final VideoMapper videos;
    private final VideoCache cache;
    private final ObjectStore store;
    private final CoverExtractor extractor;

    public CoverService(VideoMapper videos, VideoCache cache, ObjectStore store, CoverExtractor extractor) {
        this.videos = videos;
        this.cache = cache;
        this.store = store;
        this.extractor = extractor;
    }

    /** The cover's key, or null when there is no such video or its file cannot be decoded. */
    public String makeCover(long videoId) throws IOException {
        List<VideoDO> found = videos.findByIds(List.of(videoId));
        if (found.isEmpty()) {
            return null;
        }
        VideoDO video = found.get(0);
        if (!video.coverKey().isEmpty()) {
            return video.coverKey();
        }
        Path copy = Files.createTempFile("cover-source-", ".video");
        try {
            try (InputStream in = store.get(video.playKey())) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            byte[] jpeg = extractor.extractJpeg(copy);
            String key = "covers/" + video.authorId() + "/" + video.id() + ".jpg";
            store.put(key, new ByteArrayInputStream(jpeg), jpeg.length, "image/jpeg");
            videos.updateCover(video.id(), key);
            // The next read picks the cover up from MySQL; the counters hash stays, since likes in
            // flight have moved it but not MySQL yet.
            cache.evictInfo(video.id());
            return key;
        } catch (CoverExtractor.UnreadableVideoException e) {
            log.warn("Video {} keeps the placeholder cover: {}", videoId, e.getMessage());
            return null;
        } finally {
            Files.deleteIfExists(copy);
        }
    }
}
