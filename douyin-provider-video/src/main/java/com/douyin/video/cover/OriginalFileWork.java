package com.douyin.video.cover;

import com.douyin.common.storage.ObjectStore;
import com.douyin.video.dao.VideoRow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.redisson.api.RAtomicLong;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs FFmpeg work (a cover, a watermarked copy) on a local copy of a video's original upload
 * (FFmpeg needs a seekable file), counting the attempt in Redis first. FFmpeg decodes inside this
 * JVM: a file that crashes it (or the machine's OOM killer) would be redelivered to the restarted
 * provider and crash it again. So each attempt is counted before the work starts and the count
 * dropped when the attempt ends, whatever its outcome (a storage error included); a video whose
 * count reaches {@link #MAX_ATTEMPTS}, attempts that never ended, is not worked on again.
 */
@Component
public class OriginalFileWork {

    private static final Logger log = LoggerFactory.getLogger(OriginalFileWork.class);
    public static final int MAX_ATTEMPTS = 3;

    /** The work on the local copy of the original; may throw {@link CoverExtractor.UnreadableVideoException}. */
    public interface Work<T> {
        T on(Path original) throws IOException;
    }

    private final ObjectStore store;
    private final RedissonClient redisson;

    public OriginalFileWork(ObjectStore store, RedissonClient redisson) {
        this.store = store;
        this.redisson = redisson;
    }

    /**
     * The work's outcome, or null when {@link #MAX_ATTEMPTS} attempts counted under {@code
     * attemptsKey} never ended, or FFmpeg cannot read the file within bounds (logged: the video
     * {@code keeps} what it has). A storage failure is thrown.
     */
    public <T> T run(VideoRow video, String attemptsKey, String keeps, Work<T> work) throws IOException {
        RAtomicLong attempts = redisson.getAtomicLong(attemptsKey);
        if (attempts.incrementAndGet() > MAX_ATTEMPTS) {
            log.warn("Video {} {}: {} attempts on its file ended without an outcome", video.id(), keeps, MAX_ATTEMPTS);
            return null;
        }
        attempts.expire(Duration.ofDays(1));
        Path original = Files.createTempFile("original-", ".video");
        try {
            try (InputStream in = store.get(video.playKey())) {
                Files.copy(in, original, StandardCopyOption.REPLACE_EXISTING);
            }
            return work.on(original);
        } catch (CoverExtractor.UnreadableVideoException e) {
            log.warn("Video {} {}: {}", video.id(), keeps, e.getMessage());
            return null;
        } finally {
            attempts.delete(); // this attempt ended (a crash would not get here)
            Files.deleteIfExists(original);
        }
    }
}
