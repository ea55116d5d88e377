package com.douyin.favorite.service;

import com.douyin.api.event.FavoriteChangedEvent;
import com.douyin.api.favorite.FavoriteChangeSink;
import com.douyin.common.mq.SynchronousPath;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The synchronous path of a like, for when the broker is unavailable: the favorite row and a
 * {@code favorite_outbox} entry commit together, then the video and user providers apply the
 * counters over Dubbo ({@link FavoriteChangeSink}); see {@link SynchronousPath}.
 */
@Service
public class FavoriteDirectWriter extends SynchronousPath<FavoriteChangedEvent> {

    @DubboReference(providedBy = "douyin-video", check = false)
    private FavoriteChangeSink videoCounters;

    @DubboReference(providedBy = "douyin-user", check = false)
    private FavoriteChangeSink userCounters;

    private final FavoriteRowWriter rows;

    public FavoriteDirectWriter(FavoriteRowWriter rows, JdbcTemplate jdbc, TransactionTemplate transaction) {
        super(jdbc, transaction, "favorite_outbox", FavoriteChangedEvent.class);
        this.rows = rows;
    }

    @Override
    protected String keyOf(FavoriteChangedEvent change) {
        return change.eventKey();
    }

    @Override
    protected void storeOwnRows(FavoriteChangedEvent change) {
        rows.store(List.of(change));
    }

    @Override
    protected void applyElsewhere(FavoriteChangedEvent change) {
        videoCounters.apply(change);
        userCounters.apply(change);
    }
}
