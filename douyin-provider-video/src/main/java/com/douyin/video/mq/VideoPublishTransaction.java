package com.douyin.video.mq;

import com.douyin.api.event.VideoPublishedEvent;
import com.douyin.video.dao.VideoMapper;
import com.douyin.video.service.PendingVideo;
import com.douyin.video.service.VideoRowWriter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.apache.rocketmq.spring.annotation.RocketMQTransactionListener;
import org.apache.rocketmq.spring.core.RocketMQLocalTransactionListener;
import org.apache.rocketmq.spring.core.RocketMQLocalTransactionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.messaging.Message;

/**
 * The local transaction of a publish: the video row is inserted between RocketMQ's half
 * message and its commit, so {@link VideoPublishedEvent} reaches the user provider (which counts
 * work_count) if and only if the row exists. If this JVM dies in between, the broker asks back
 * ({@link #checkLocalTransaction}) and the row decides.
 */
@RocketMQTransactionListener
public class VideoPublishTransaction implements RocketMQLocalTransactionListener {

    private static final Logger log = LoggerFactory.getLogger(VideoPublishTransaction.class);
    private final ObjectMapper json = new ObjectMapper();
    private final VideoMapper videos;
    private final VideoRowWriter rows;

    public VideoPublishTransaction(VideoMapper videos, VideoRowWriter rows) {
        this.videos = videos;
        this.rows = rows;
    }

    @Override
    public RocketMQLocalTransactionState executeLocalTransaction(Message message, Object arg) {
        PendingVideo video = (PendingVideo) arg;
        try {
            rows.insert(video);
            return RocketMQLocalTransactionState.COMMIT;
        } catch (DuplicateKeyException fileAlreadyPublished) {
            // A retried publish of the same file: the first one's event was sent, this one's is dropped.
            video.duplicated();
            return RocketMQLocalTransactionState.ROLLBACK;
        } catch (RuntimeException e) {
            video.failed(e);
            return RocketMQLocalTransactionState.ROLLBACK;
        }
    }

    @Override
    public RocketMQLocalTransactionState checkLocalTransaction(Message message) {
        try {
            VideoPublishedEvent event = json.readValue((byte[]) message.getPayload(), VideoPublishedEvent.class);
            boolean exists = !videos.findByIds(List.of(event.videoId())).isEmpty();
            return exists ? RocketMQLocalTransactionState.COMMIT : RocketMQLocalTransactionState.ROLLBACK;
        } catch (Exception e) {
            log.warn("Cannot check a publish transaction yet: {}", e.toString());
            return RocketMQLocalTransactionState.UNKNOWN;
        }
    }
}
