package com.douyin.video.service;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.event.Topics;
import com.douyin.api.event.VideoPublishedEvent;
import com.douyin.api.video.VideoDTO;
import com.douyin.api.video.VideoTitle;
import com.douyin.common.id.SnowflakeIdGenerator;
import com.douyin.writebehind.BrokerOrFallback;
import com.douyin.common.text.SensitiveText;
import com.douyin.video.cache.AuthorVideoIds;
import com.douyin.video.cache.VideoIdBloomFilter;
import com.douyin.video.dao.VideoRow;
import com.douyin.video.dao.VideoMapper;
import com.douyin.common.text.SearchTerms;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.apache.rocketmq.spring.support.RocketMQHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Service;

/**
 * Records a published video. The author's work_count belongs to the user provider: the row and
 * a {@link VideoPublishedEvent} are committed together as a RocketMQ transactional message (a
 * local transaction plus a reliable message), so publishing holds no lock on the user row and
 * the count follows within moments. When the broker is unavailable (a failed send, or its
 * breaker {@code mq:douyin-video-published} open), the row and the count are written over Dubbo
 * in one Seata global transaction instead ({@link PublishAcrossProviders}).
 *
 * <p>Publishing is idempotent per file: the play key is unique, so a publish retried after a
 * timeout (Dubbo retries, or the gateway) returns the video the first attempt created.
 */
@Service
public class VideoPublishService {

    private static final Logger log = LoggerFactory.getLogger(VideoPublishService.class);

    private final SnowflakeIdGenerator ids;
    private final RocketMQTemplate rocketMQ;
    private final VideoIdBloomFilter knownIds;
    private final AuthorVideoIds authorLists;
    private final VideoMapper videos;
    private final PublishAcrossProviders acrossProviders;
    private final BrokerOrFallback broker;
    private final VideoTopics topics;

    public VideoPublishService(SnowflakeIdGenerator ids, RocketMQTemplate rocketMQ, VideoIdBloomFilter knownIds,
                               AuthorVideoIds authorLists, VideoMapper videos, PublishAcrossProviders acrossProviders,
                               VideoTopics topics) {
        this.videos = videos;
        this.topics = topics;
        this.acrossProviders = acrossProviders;
        this.broker = new BrokerOrFallback(rocketMQ, "mq:" + Topics.VIDEO_PUBLISHED);
        this.ids = ids;
        this.rocketMQ = rocketMQ;
        this.knownIds = knownIds;
        this.authorLists = authorLists;
    }

    public VideoDTO publish(long authorId, String playKey, String rawTitle, String rawTopic) {
        String title = SensitiveText.mask(VideoTitle.normalize(rawTitle));
        String topic = topics.require(rawTopic);
        if (playKey == null || playKey.isBlank()) {
            throw new DouyinException(ErrorCode.VIDEO_MISSING);
        }
        VideoRow earlier = videos.findByPlayKey(playKey);
        if (earlier != null) {
            return publishedBy(earlier, authorId);
        }
        long id = ids.nextId();
        // The publish time is the ID's own timestamp: monotonic per worker, even if the clock steps back.
        long publishedAt = SnowflakeIdGenerator.timestampOf(id);
        PendingVideo video = new PendingVideo(id, authorId, title, SearchTerms.index(title), topic, playKey, publishedAt);
        VideoPublishedEvent event = new VideoPublishedEvent(id, authorId, publishedAt);
        // Known before the row exists: a crash after the insert must not leave a video the filter denies.
        knownIds.add(id);
        LocalTransactionState outcome;
        try {
            outcome = broker.call(event.eventKey(),
                    () -> rocketMQ.sendMessageInTransaction(Topics.VIDEO_PUBLISHED,
                            MessageBuilder.withPayload(event).setHeader(RocketMQHeaders.KEYS, event.eventKey()).build(), video)
                            .getLocalTransactionState(),
                    () -> publishAcrossProviders(video));
        } catch (DuplicateKeyException fileAlreadyPublished) {
            video.duplicated();
            outcome = LocalTransactionState.ROLLBACK_MESSAGE;
        }
        if (video.failure() != null) {
            throw video.failure();
        }
        if (video.duplicate()) {
            return publishedBy(videos.findByPlayKey(playKey), authorId);
        }
        if (outcome != LocalTransactionState.COMMIT_MESSAGE) {
            throw new DouyinException(ErrorCode.SERVICE_UNAVAILABLE);
        }
        authorLists.invalidate(authorId);
        return new VideoDTO(id, authorId, title, topic, playKey, "", 0, 0, publishedAt);
    }

    /** The fallback: the row and the author's work_count in one Seata global transaction. */
    private LocalTransactionState publishAcrossProviders(PendingVideo video) {
        try {
            acrossProviders.publish(video);
            return LocalTransactionState.COMMIT_MESSAGE;
        } catch (RuntimeException e) {
            // Rolled back. Seata wraps what the transaction threw: a refusal (the author has no
            // row, the file was published already) is the client's answer, anything else is ours.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof DouyinException || cause instanceof DuplicateKeyException) {
                    throw (RuntimeException) cause;
                }
            }
            log.warn("Publish without the broker failed and was rolled back: {}", e.toString());
            throw new DouyinException(ErrorCode.SERVICE_UNAVAILABLE);
        }
    }

    private static VideoDTO publishedBy(VideoRow earlier, long authorId) {
        if (earlier.authorId() != authorId) {
            throw new DouyinException(ErrorCode.BAD_REQUEST, "This file belongs to another user.");
        }
        return earlier.toDTO();
    }
}
