package com.douyin.video.service;

import com.douyin.api.event.VideoPublishedEvent;
import com.douyin.api.video.VideoPublishedSink;
import io.seata.spring.annotation.GlobalTransactional;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.stereotype.Service;

/**
 * A publish while the broker is unavailable: the video row and its author's work_count (the user
 * provider's, over Dubbo) in one Seata AT global transaction. The insert commits at once, with
 * its undo image in undo_log; if the user provider fails, the coordinator undoes the insert, so
 * there is never a video without its count, nor a count without its video.
 */
@Service
public class PublishAcrossProviders {

    // No retry: a repeated call of a branch is not what the coordinator rolls back. The budget:
    // broker send (1 s) + this call (3 s) < the global transaction (8 s) < the gateway's 10 s.
    @DubboReference(providedBy = "douyin-user", check = false, retries = 0, timeout = 3000)
    private VideoPublishedSink authorWorkCount;

    private final VideoRowWriter rows;

    public PublishAcrossProviders(VideoRowWriter rows) {
        this.rows = rows;
    }

    @GlobalTransactional(name = "douyin-publish", timeoutMills = 8_000)
    public void publish(PendingVideo video) {
        rows.insert(video);
        authorWorkCount.apply(new VideoPublishedEvent(video.id(), video.authorId(), video.publishedAt()));
    }
}
