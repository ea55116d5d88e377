package com.douyin.video.cover;

import com.douyin.common.storage.ObjectStore;
import com.douyin.video.cache.VideoCache;
import com.douyin.video.dao.VideoRow;
import com.douyin.video.dao.VideoMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.redisson.api.RAtomicLong;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Gives a published video its cover: copies the file out of the object store (FFmpeg needs a
 * seekable file), extracts a JPEG, stores it beside the video and records its key. Idempotent:
 * a video that has a cover is left alone.
 *
 * <p>FFmpeg decodes inside this JVM: a file that crashes it (or the machine's OOM killer) would be
 * redelivered to the restarted provider and crash it again. So each attempt is counted in Redis
 * before the decoding starts and dropped when the attempt ends, whatever its outcome (a storage
 * error included); a video whose count reaches {@link #MAX_ATTEMPTS}, attempts that never ended,
 * keeps the placeholder.
 */
@Service
public class CoverService {

    private static final Logger log = LoggerFactory.getLogger(CoverService.class);
    public static final int MAX_ATTEMPTS = 3;

    private final VideoMapper videos;
    private final VideoCache cache;
    private final ObjectStore store;
    private final CoverExtractor extractor;
    private final RedissonClient redisson;

    public CoverService(VideoMapper videos, VideoCache cache, ObjectStore store, CoverExtractor extractor, RedissonClient redisson) {
        this.videos = videos;
        this.cache = cache;
        this.store = store;
        this.extractor = extractor;
        this.redisson = redisson;
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
        RAtomicLong attempts = redisson.getAtomicLong(attemptsKey(videoId));
        if (attempts.incrementAndGet() > MAX_ATTEMPTS) {
            log.warn("Video {} keeps the placeholder cover: {} attempts on its file ended without an outcome", videoId, MAX_ATTEMPTS);
            return null;
        }
        attempts.expire(Duration.ofDays(1));
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
            attempts.delete(); // this attempt ended (a crash would not get here)
            Files.deleteIfExists(copy);
        }
    }
}
