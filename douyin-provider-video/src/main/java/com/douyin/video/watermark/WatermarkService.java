package com.douyin.video.watermark;

import com.douyin.api.user.UserService;
import com.douyin.common.storage.ObjectStore;
import com.douyin.video.cache.VideoCache;
import com.douyin.video.cover.OriginalFileWork;
import com.douyin.video.dao.VideoMapper;
import com.douyin.video.dao.VideoRow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.stereotype.Service;

/**
 * Gives a published video its watermarked copy: copies the original out of the object store,
 * watermarks it with the author's name ({@link Watermarker}), stores the copy beside it and records
 * its key; {@code play_url} plays the copy from then on, the original until then (and for good when
 * the file cannot be watermarked). The original is kept. Idempotent: a video that has its copy is
 * left alone. Attempts are counted as the cover's are ({@link OriginalFileWork}): a file that
 * crashes FFmpeg, and so the provider, is not tried again after three.
 */
@Service
public class WatermarkService {

    private final VideoMapper videos;
    private final VideoCache cache;
    private final ObjectStore store;
    private final Watermarker watermarker;
    private final OriginalFileWork fileWork;

    @DubboReference(providedBy = "douyin-user", check = false, timeout = 3000)
    private UserService users;

    public WatermarkService(VideoMapper videos, VideoCache cache, ObjectStore store, Watermarker watermarker, OriginalFileWork fileWork) {
        this.videos = videos;
        this.cache = cache;
        this.store = store;
        this.watermarker = watermarker;
        this.fileWork = fileWork;
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
        return fileWork.run(video, attemptsKey(videoId), "keeps playing its original", original -> {
            Path copy = Files.createTempFile("watermarked-", ".mp4");
            try {
                watermarker.watermark(original, copy, author);
                String key = copyKey(video.authorId(), video.id());
                try (InputStream in = Files.newInputStream(copy)) {
                    store.put(key, in, Files.size(copy), "video/mp4");
                }
                videos.updateWatermark(video.id(), key);
                cache.evictInfo(video.id()); // the next read plays the copy (from MySQL)
                return key;
            } finally {
                Files.deleteIfExists(copy);
            }
        });
    }
}
