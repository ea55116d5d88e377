package com.douyin.favorite.service;

import com.douyin.api.event.FavoriteChangedEvent;
import com.douyin.api.favorite.FavoriteChangeSink;
import com.douyin.api.cache.CachedEntity;
import com.douyin.writebehind.ToggleSet;
import com.douyin.writebehind.SynchronousPath;
import com.douyin.common.redis.RedisOutage;
import com.douyin.favorite.cache.FavoritedVideos;
import com.douyin.favorite.dao.FavoriteMapper;
import com.douyin.favorite.dao.PairState;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The synchronous path of a like: the favorite row and a {@code favorite_outbox} entry commit
 * together, then the video and user providers apply the counters over Dubbo
 * ({@link FavoriteChangeSink}); see {@link SynchronousPath}. Taken when the broker is
 * unavailable ({@link #write}: Redis has decided the change), and when Redis is
 * ({@link #changeInMysql}: the row decides it).
 */
@Service
public class FavoriteDirectWriter extends SynchronousPath<FavoriteChangedEvent> {

    @DubboReference(providedBy = "douyin-video", check = false)
    private FavoriteChangeSink videoCounters;

    @DubboReference(providedBy = "douyin-user", check = false)
    private FavoriteChangeSink userCounters;

    private final FavoriteRowWriter rows;
    private final FavoriteMapper favorites;
    private final RedisOutage outage;

    public FavoriteDirectWriter(FavoriteRowWriter rows, FavoriteMapper favorites, RedisOutage outage,
                                JdbcTemplate jdbc, TransactionTemplate transaction) {
        super(jdbc, transaction, "favorite_outbox", FavoriteChangedEvent.class);
        this.rows = rows;
        this.favorites = favorites;
        this.outage = outage;
    }

    /**
     * A like (+1) or unlike (-1) while Redis is out: the pair's row, locked, says whether it is a
     * change. The Redis copies it makes stale (the liker's set, the cached counters) are recorded
     * in the same transaction and dropped when Redis is back.
     *
     * <p>Known limit: a change Redis took just before it failed and whose event is still on its way
     * through the broker is not in the row yet, so a change of the same pair in the first moments
     * of an outage is decided against the state before it.
     */
    public void changeInMysql(long userId, long videoId, long authorId, int delta) {
        write(() -> {
            favorites.insertUnliked(userId, videoId);
            PairState stored = favorites.lockPair(userId, videoId);
            if (stored.liked() == (delta > 0)) {
                return null; // a repeat
            }
            outage.markStale(List.of(FavoritedVideos.setKey(userId), CachedEntity.VIDEO.countersKey(videoId),
                    CachedEntity.USER.countersKey(userId), CachedEntity.USER.countersKey(authorId)));
            return new FavoriteChangedEvent(userId, videoId, authorId, delta, ToggleSet.sequenceAfter(stored.changeSeq()));
        });
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
