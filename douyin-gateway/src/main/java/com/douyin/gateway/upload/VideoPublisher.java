package com.douyin.gateway.upload;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.video.VideoService;
import com.douyin.common.storage.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * A publish, from the file to the video's row: where the file is stored, when it is removed
 * again, and how a publish sent twice stays one. The controller parses the request and answers.
 */
@Component
public class VideoPublisher {

    private static final Logger log = LoggerFactory.getLogger(VideoPublisher.class);

    @Autowired // ProviderReferences
    private VideoService videos;

    private final ObjectStore store;
    private final DirectUploads directUploads;
    private final RepeatedPublishes repeats;

    public VideoPublisher(ObjectStore store, DirectUploads directUploads, RepeatedPublishes repeats) {
        this.store = store;
        this.directUploads = directUploads;
        this.repeats = repeats;
    }

    /**
     * A file uploaded directly ({@link DirectUploads}): claimed, then published. It is kept even
     * if the provider refuses, so that the client can retry.
     */
    public void publishUploaded(long userId, String objectKey, String title, String topic) throws IOException {
        videos.publish(userId, directUploads.claim(userId, objectKey), title, topic);
    }

    /**
     * The file a request carries ({@code data}): checked by its bytes and streamed to the object
     * store (Tomcat has already spooled it to disk, so it is never held in the heap), then the
     * video is recorded. If the provider refuses, the stored file is removed again (unless a
     * repeat of it may share the file; the provider deletes it a day later if nothing is published
     * with it). If the outcome is unknown (a timeout: the row may exist), the file is kept: a
     * video without its file would be worse than an orphaned file, which the video provider
     * deletes a day later (its pending upload). Publishing is idempotent per file, so Dubbo's
     * retries cannot make two videos, and a publish the client sends again
     * ({@code idempotencyKey}, may be null) gets the file name of the first ({@link RepeatedPublishes}).
     */
    public void publishFile(long userId, MultipartFile data, String idempotencyKey, String title, String topic) throws IOException {
        if (data == null || data.isEmpty()) {
            throw new DouyinException(ErrorCode.VIDEO_MISSING);
        }
        VideoContainer container;
        try (InputStream head = data.getInputStream()) {
            container = VideoContainer.detect(head);
        }
        RepeatedPublishes.FileName name;
        try (InputStream bytes = data.getInputStream()) {
            name = repeats.nameOf(userId, idempotencyKey, bytes);
        }
        String key = new VideoObjectKey(userId, name.uuid(), container).toString();
        // Recorded before it is stored: if the publish never happens (an unknown outcome below
        // that was a failure), the video provider deletes the file a day later.
        videos.expectUpload(userId, key, System.currentTimeMillis());
        try (InputStream content = data.getInputStream()) {
            store.put(key, content, data.getSize(), container.contentType());
        }
        try {
            videos.publish(userId, key, title, topic);
        } catch (DouyinException refused) {
            if (!name.mayBeShared()) { // else it may be the file of an earlier publish of the same bytes
                store.delete(key);
            }
            throw refused;
        } catch (RuntimeException unknownOutcome) {
            log.warn("Publish of {} failed with an unknown outcome; the file is kept: {}", key, unknownOutcome.toString());
            throw unknownOutcome;
        }
    }
}
