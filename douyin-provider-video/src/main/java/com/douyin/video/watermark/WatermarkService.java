package com.douyin.video.watermark;

import com.douyin.api.user.UserService;
import com.douyin.common.storage.ObjectStore;
import com.douyin.video.cache.VideoCache;
import com.douyin.video.cover.CoverExtractor;
import com.douyin.video.dao.VideoMapper;
import com.douyin.video.dao.VideoRow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboReference;
import org.redisson.api.RAtomicLong;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Gives a published video its watermarked copy: copies the original out of the object store,
 * watermarks it with the author's name ({@link Watermarker}), stores the copy beside it and records
 * its key; {@code play_url} plays the copy from then on, the original until then (and for good when
 * the file cannot be watermarked). The original is kept. Idempotent: a video that has its copy is
 * left alone. Attempts are counted in Redis as the cover's are ({@code CoverService}): a file that
 * crashes FFmpeg, and so the provider, is not tried again after {@link #MAX_ATTEMPTS}.
 */
@Service
public class WatermarkService {

    private static final Logger log = LoggerFactory.getLogger(WatermarkService.class);
    public static final int MAX_ATTEMPTS = 3;

    private final VideoMapper videos;
    private final VideoCache cache;
    private final ObjectStore store;
    private final Watermarker watermarker;
    private final RedissonClient redisson;

    @DubboReference(providedBy = "douyin-user", check = false, timeout = 3000)
    private UserService users;

    public WatermarkService(VideoMapper videos, VideoCache cache, ObjectStore store, Watermarker watermarker, RedissonClient redisson) {
        this.videos = videos;
        this.cache = cache;
        this.store = store;
        this.watermarker = watermarker;
        this.redisson = redisson;
    }

    /** The Redis key counting the attempts on {@code videoId}'s file that have not ended. */
    public static String attemptsKey(long videoId) {
        return "video:watermark-attempts:" + videoId;
    }

    /** The object key of a video's watermarked copy. */
    public static String copyKey(long authorId, long videoId) {
        return "watermarked/" + authorId + "/" + videoId + ".mp4";
    }

    /**
     * The copy's key, or null when there is no such video or its file cannot be watermarked. A
     * storage or user-provider failure is thrown (RocketMQ redelivers the event).
     */
    public String watermark(long videoId) throws IOException {
        List<VideoRow> found = videos.findByIds(List.of(videoId));
        if (found.isEmpty()) {
            return null;
        }
        VideoRow video = found.get(0);
        if (!video.watermarkKey().isEmpty()) {
            return video.watermarkKey();
        }
        String author = users.getUser(video.authorId()).name();
        RAtomicLong attempts = redisson.getAtomicLong(attemptsKey(videoId));
        if (attempts.incrementAndGet() > MAX_ATTEMPTS) {
            log.warn("Video {} keeps playing its original: {} attempts on its file ended without an outcome", videoId, MAX_ATTEMPTS);
            return null;
        }
        attempts.expire(Duration.ofDays(1));
        Path original = Files.createTempFile("watermark-source-", ".video");
        Path copy = Files.createTempFile("watermarked-", ".mp4");
        try {
            try (InputStream in = store.get(video.playKey())) {
                Files.copy(in, original, StandardCopyOption.REPLACE_EXISTING);
            }
            watermarker.watermark(original, copy, author);
            String key = copyKey(video.authorId(), video.id());
            try (InputStream in = Files.newInputStream(copy)) {
                store.put(key, in, Files.size(copy), "video/mp4");
            }
            videos.updateWatermark(video.id(), key);
            cache.evictInfo(video.id()); // the next read plays the copy (from MySQL)
            return key;
        } catch (CoverExtractor.UnreadableVideoException e) {
            log.warn("Video {} keeps playing its original: {}", videoId, e.getMessage());
            return null;
        } finally {
            attempts.delete(); // this attempt ended (a crash would not get here)
            Files.deleteIfExists(original);
            Files.deleteIfExists(copy);
        }
    }
}
