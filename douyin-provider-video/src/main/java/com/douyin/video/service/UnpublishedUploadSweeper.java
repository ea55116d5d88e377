package com.douyin.video.service;

import com.douyin.common.storage.ObjectStore;
import com.douyin.video.dao.PendingUploadMapper;
import com.douyin.video.dao.VideoMapper;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the files of uploads that were never published: pending keys whose upload ended more
 * than {@code douyin.upload.unpublished-kept} ago (default a day, time for a client to publish
 * late). Each key is first marked swept under its row lock, so a publish of it either comes
 * first (and keeps the file) or is refused; then the file goes, and the row stays a week as a
 * tombstone that refuses a late publish. A sweep cut short resumes with the marked keys; a key
 * that fails is tried again next time. Every instance sweeps; the row lock keeps them apart.
 */
@Component
public class UnpublishedUploadSweeper {

    private static final Logger log = LoggerFactory.getLogger(UnpublishedUploadSweeper.class);
    private static final int PAGE = 100;
    /** How long a deleted key is remembered, so that a late publish of it is refused. */
    private static final Duration TOMBSTONE_KEPT = Duration.ofDays(7);

    private final PendingUploadMapper pending;
    private final VideoMapper videos;
    private final ObjectStore store;
    private final TransactionTemplate transaction;
    private final Duration kept;

    public UnpublishedUploadSweeper(PendingUploadMapper pending, VideoMapper videos, ObjectStore store, TransactionTemplate transaction,
                                    @Value("${douyin.upload.unpublished-kept:24h}") Duration kept) {
        this.pending = pending;
        this.videos = videos;
        this.store = store;
        this.transaction = transaction;
        this.kept = kept;
    }

    @Scheduled(fixedDelayString = "${douyin.upload.sweep-every:1m}", initialDelayString = "${douyin.upload.sweep-every:1m}")
    public void sweepOnSchedule() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Unpublished uploads not swept this time: {}", e.toString());
        }
    }

    /** Deletes what is due now; answers how many files it deleted. */
    public int sweep() {
        long cutoff = System.currentTimeMillis() - kept.toMillis();
        int deleted = 0;
        List<String> due;
        int before;
        do {
            before = deleted;
            due = pending.findDueBefore(cutoff, PAGE);
            for (String key : due) {
                try {
                    if (Boolean.TRUE.equals(transaction.execute(status -> markDeleting(key)))) {
                        store.delete(key);
                        pending.setSwept(key, PendingUploadMapper.DELETED);
                        deleted++;
                        log.info("Deleted the unpublished upload {}", key);
                    }
                } catch (RuntimeException e) { // this key next time; the others now
                    log.warn("Unpublished upload {} not deleted yet: {}", key, e.toString());
                }
            }
        } while (due.size() == PAGE && deleted > before); // a page that failed throughout waits for the next sweep
        while (pending.deleteTombstonesBefore(cutoff - TOMBSTONE_KEPT.toMillis(), PAGE) == PAGE) {
            // more to forget
        }
        return deleted;
    }

    /** True if the key's file is to be deleted; a key that turns out published only loses its row. */
    private boolean markDeleting(String key) {
        Integer swept = pending.lockSwept(key);
        if (swept == null || swept == PendingUploadMapper.DELETED) {
            return false; // published or swept meanwhile
        }
        if (swept == PendingUploadMapper.PENDING && videos.findByPlayKey(key) != null) {
            pending.delete(key);
            return false;
        }
        pending.setSwept(key, PendingUploadMapper.DELETING);
        return true;
    }
}
