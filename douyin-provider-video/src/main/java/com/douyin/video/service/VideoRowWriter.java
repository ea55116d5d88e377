package com.douyin.video.service;

import com.douyin.video.dao.VideoMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A publish's video row, inserted in one local transaction with its file's pending upload taken
 * away ({@link PendingUploads#claim}), so the upload sweeper never deletes a published file. Used
 * by both ways of publishing: the RocketMQ local transaction and the Seata branch.
 */
@Component
public class VideoRowWriter {

    private final VideoMapper videos;
    private final PendingUploads uploads;
    private final TransactionTemplate transaction;

    public VideoRowWriter(VideoMapper videos, PendingUploads uploads, TransactionTemplate transaction) {
        this.videos = videos;
        this.uploads = uploads;
        this.transaction = transaction;
    }

    public void insert(PendingVideo video) {
        transaction.executeWithoutResult(status -> {
            uploads.claim(video.playKey());
            videos.insert(video);
        });
    }
}
