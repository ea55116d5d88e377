package com.douyin.video.mq;

import com.douyin.api.event.Topics;
import com.douyin.api.event.VideoPublishedEvent;
import com.douyin.api.video.VideoDTO;
import com.douyin.common.mq.BatchEventConsumer;
import com.douyin.video.following.InboxPusher;
import com.douyin.video.recommend.RecommendationModel;
import com.douyin.video.service.VideoQueryService;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A publish into the two feeds beside the timeline, from the video-published event in its own
 * group: the followers' inboxes ({@link InboxPusher}) and the recommendation model's fresh videos.
 * Both are safe to repeat; a batch that fails (the relation provider or Redis away) comes again.
 */
@Component
public class PublishedToFeedsConsumer extends BatchEventConsumer<VideoPublishedEvent> {

    /** A publish may fan out to hundreds of inboxes: small batches, so a redelivery repeats little. */
    private static final int BATCH = 16;

    private final InboxPusher inboxes;
    private final RecommendationModel recommendations;
    private final VideoQueryService videos;

    public PublishedToFeedsConsumer(InboxPusher inboxes, RecommendationModel recommendations, VideoQueryService videos,
                                    @Value("${rocketmq.name-server}") String nameServer,
                                    @Value("${douyin.feed.publish-group:douyin-video-feeds}") String group) {
        super(nameServer, group, Topics.VIDEO_PUBLISHED, VideoPublishedEvent.class, BATCH);
        this.inboxes = inboxes;
        this.recommendations = recommendations;
        this.videos = videos;
    }

    @Override
    protected void consume(List<VideoPublishedEvent> events) {
        Map<Long, VideoDTO> stored = videos.getVideos(events.stream().map(VideoPublishedEvent::videoId).toList()).stream()
                .collect(Collectors.toMap(VideoDTO::id, Function.identity()));
        // The row decides: a publish rolled back after its message was sent is none.
        recommendations.published(events.stream().filter(event -> stored.containsKey(event.videoId()))
                .map(event -> new RecommendationModel.Published(event.videoId(), event.publishedAt(), stored.get(event.videoId()).topic()))
                .toList());
        events.forEach(inboxes::push);
    }
}
