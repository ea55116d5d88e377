package com.douyin.favorite.service;

import com.douyin.api.event.FavoriteChangedEvent;
import com.douyin.api.favorite.FavoriteChangeSink;
import com.douyin.favorite.dao.OutboxMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The synchronous path of a change, for when the broker is unavailable: the favorite row and an
 * outbox entry commit together, then the video and user providers apply the counters over Dubbo
 * and the entry is removed. An entry whose counters could not be applied is retried every few
 * seconds, so once {@link #write} returns, the change cannot be lost; applying it twice (by a
 * retry, or also through RocketMQ) counts once, because every consumer deduplicates by event key.
 */
@Service
public class FavoriteDirectWriter {

    private static final Logger log = LoggerFactory.getLogger(FavoriteDirectWriter.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @DubboReference(providedBy = "douyin-video", check = false)
    private FavoriteChangeSink videoCounters;

    @DubboReference(providedBy = "douyin-user", check = false)
    private FavoriteChangeSink userCounters;

    private final FavoriteRowWriter rows;
    private final OutboxMapper outbox;
    private final TransactionTemplate transaction;

    public FavoriteDirectWriter(FavoriteRowWriter rows, OutboxMapper outbox, TransactionTemplate transaction) {
        this.rows = rows;
        this.outbox = outbox;
        this.transaction = transaction;
    }

    public void write(FavoriteChangedEvent change) {
        String payload;
        try {
            payload = JSON.writeValueAsString(change);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        transaction.executeWithoutResult(status -> {
            rows.store(List.of(change));
            outbox.insert(change.eventKey(), payload);
        });
        applyCounters(change);
    }

    /** Retries the changes whose counters were not confirmed. */
    @Scheduled(fixedDelay = 3000)
    public void retryPending() {
        try {
            for (String payload : outbox.oldest(100)) {
                if (!applyCounters(JSON.readValue(payload, FavoriteChangedEvent.class))) {
                    return; // still failing: try again later
                }
            }
        } catch (Exception e) {
            log.warn("Outbox retry postponed: {}", e.toString());
        }
    }

    private boolean applyCounters(FavoriteChangedEvent change) {
        try {
            videoCounters.apply(change);
            userCounters.apply(change);
            outbox.delete(change.eventKey());
            return true;
        } catch (RuntimeException e) {
            log.warn("Counters of {} not applied yet (kept in the outbox): {}", change.eventKey(), e.toString());
            return false;
        }
    }
}
