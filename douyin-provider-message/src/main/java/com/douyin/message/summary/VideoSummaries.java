package com.douyin.message.summary;

import com.douyin.api.video.VideoDTO;
import com.douyin.message.assistant.AssistantAllowance;
import com.douyin.message.assistant.AssistantProperties;
import com.douyin.message.assistant.DoneOnce;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The assistant describes a video just published ({@link VideoDescriber}): the keywords and the
 * title's verdict go to the video provider, the summary is posted as the assistant's comment
 * (not for an abusive title). With no model configured nothing is asked and nothing is posted. The
 * call counts against the author's allowance of model calls ({@code douyin.assistant.calls-per-*}):
 * beyond it the video is not described. Once per video: a video described is remembered for a
 * week, and the comment is claimed before it is posted, so a redelivered event posts no second
 * one (a crash between the claim and the post loses that comment rather than doubling it).
 */
@Service
public class VideoSummaries {

    private static final Duration REMEMBERED = Duration.ofDays(7);
    private static final Logger log = LoggerFactory.getLogger(VideoSummaries.class);

    private final VideoDescriber describer;
    private final DescribedVideos videos;
    private final RedissonClient redisson;
    private final AssistantAllowance allowance;
    private final DoneOnce described;
    private final long assistantId;

    public VideoSummaries(VideoDescriber describer, DescribedVideos videos, RedissonClient redisson, AssistantProperties assistant) {
        this.describer = describer;
        this.videos = videos;
        this.redisson = redisson;
        this.allowance = new AssistantAllowance(redisson, assistant.callsPerMinute(), assistant.callsPerDay(), Clock.systemUTC());
        this.described = new DoneOnce(redisson, "summary:done", REMEMBERED);
        this.assistantId = assistant.userId();
    }

    /**
     * Describes the video once. Throws when the model or a provider cannot be reached (the event
     * is delivered again); an answer the model got wrong is logged and left (asking again would
     * cost another call for likely the same answer).
     */
    public void summarize(long videoId) throws IOException, InterruptedException {
        if (!describer.configured() || described.isDone(videoId)) {
            return;
        }
        VideoDTO video = videos.find(videoId);
        if (video == null) {
            return;
        }
        if (allowance.take(video.authorId()) != AssistantAllowance.Verdict.ALLOWED) {
            log.info("Video {} is not described: its author {} used up their model calls", videoId, video.authorId());
            described.markDone(videoId);
            return;
        }
        VideoDescription description;
        try {
            description = describer.describe(video.title(), video.playKey());
        } catch (JsonProcessingException e) {
            log.warn("Video {} is not described, the model's answer was not a description: {}", videoId, e.getOriginalMessage());
            described.markDone(videoId);
            return;
        }
        videos.describe(videoId, description.keywords(), description.abusive());
        if (!description.abusive() && !description.summary().isEmpty() && claimComment(videoId)) {
            try {
                videos.comment(assistantId, videoId, description.summary());
            } catch (RuntimeException e) {
                redisson.getBucket(commentKey(videoId), StringCodec.INSTANCE).delete(); // not posted: the redelivery posts it
                throw e;
            }
        }
        described.markDone(videoId);
    }

    private boolean claimComment(long videoId) {
        return redisson.getBucket(commentKey(videoId), StringCodec.INSTANCE).setIfAbsent("1", REMEMBERED);
    }

    static String commentKey(long videoId) {
        return "summary:comment:" + videoId;
    }
}
