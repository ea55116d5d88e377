package com.douyin.user.service;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.event.FavoriteChangedEvent;
import com.douyin.api.event.FollowChangedEvent;
import com.douyin.api.event.VideoPublishedEvent;
import com.douyin.common.mq.ConsumedEvents;
import com.douyin.writebehind.CounterDeltas;
import com.douyin.user.cache.UserCache;
import com.douyin.user.dao.UserMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The user provider is the one writer of its counters; other providers' events arrive here.
 * Each event is applied once: its key and the counter change commit together.
 */
@Service
public class UserCounterService {

    private static final Logger log = LoggerFactory.getLogger(UserCounterService.class);

    static final String WORK_COUNT_CONSUMER = "user-work-count";
    static final String FAVORITE_COUNT_CONSUMER = "user-favorite-count";
    static final String FOLLOW_COUNT_CONSUMER = "user-follow-count";

    private final UserMapper users;
    private final ConsumedEvents consumed;
    private final TransactionTemplate transaction;
    private final UserCache cache;

    public UserCounterService(UserMapper users, ConsumedEvents consumed, TransactionTemplate transaction, UserCache cache) {
        this.users = users;
        this.consumed = consumed;
        this.transaction = transaction;
        this.cache = cache;
    }

    /** Counts a published video in its author's work_count; a redelivery changes nothing. */
    public boolean countPublishedVideo(VideoPublishedEvent event) {
        Boolean applied = transaction.execute(status ->
                consumed.firstDelivery(WORK_COUNT_CONSUMER, event.eventKey()) && users.incrementWorkCount(event.authorId()) == 1);
        if (Boolean.TRUE.equals(applied)) {
            // In place: rebuilding the hash from MySQL would lose the likes and follows of this
            // author still on their way there through the broker.
            Long workCount = users.findWorkCount(event.authorId());
            if (workCount != null) {
                cache.raiseWorkCount(event.authorId(), workCount);
            }
            log.info("Counted a video in the work_count of user {} (video {})", event.authorId(), event.videoId());
        }
        return Boolean.TRUE.equals(applied);
    }

    /**
     * The same count as a branch of the publisher's Seata global transaction (the broker was
     * unavailable): an author without a row fails it, which rolls the publish back. Seata AT
     * undoes what this commits locally if the publish fails later (it reads the key with a SELECT
     * and inserts it plainly: an INSERT IGNORE is not something AT can undo).
     */
    public void countPublishedVideoInPublish(VideoPublishedEvent event) {
        transaction.executeWithoutResult(status -> {
            if (!consumed.firstDeliveries(WORK_COUNT_CONSUMER, List.of(event.eventKey())).isEmpty()
                    && users.incrementWorkCount(event.authorId()) != 1) {
                throw new DouyinException(ErrorCode.USER_NOT_FOUND);
            }
        });
        // Dropped rather than counted in place: Seata may still undo this count. Nothing is lost
        // by the rebuild: with the broker down, new likes and follows reach MySQL before they answer.
        cache.evict(event.authorId());
    }

    /**
     * Likes and unlikes into the liker's favorite_count and the author's total_favorited, a batch
     * in one UPDATE. Only MySQL: the favorite provider has already moved the cached
     * counts in Redis, atomically with the like.
     */
    public void applyFavoriteChanges(List<FavoriteChangedEvent> changes) {
        transaction.executeWithoutResult(status -> {
            List<FavoriteChangedEvent> fresh = consumed.firstDeliveries(FAVORITE_COUNT_CONSUMER, changes, FavoriteChangedEvent::eventKey);
            add("favorite_count", CounterDeltas.sum(fresh, FavoriteChangedEvent::userId, FavoriteChangedEvent::delta),
                    "total_favorited", CounterDeltas.sum(fresh, FavoriteChangedEvent::authorId, FavoriteChangedEvent::delta));
        });
    }

    /**
     * Follows and unfollows into the follower's follow_count and the followee's follower_count, a
     * batch in one UPDATE. Only MySQL: the relation provider has already moved the cached
     * counts in Redis, atomically with the follow.
     */
    public void applyFollowChanges(List<FollowChangedEvent> changes) {
        transaction.executeWithoutResult(status -> {
            List<FollowChangedEvent> fresh = consumed.firstDeliveries(FOLLOW_COUNT_CONSUMER, changes, FollowChangedEvent::eventKey);
            add("follow_count", CounterDeltas.sum(fresh, FollowChangedEvent::followerId, FollowChangedEvent::delta),
                    "follower_count", CounterDeltas.sum(fresh, FollowChangedEvent::followeeId, FollowChangedEvent::delta));
        });
    }

    /**
     * Two counters' deltas in one UPDATE. Every transaction here locks in one global order, so
     * concurrent batches (a mutual follow puts two users in two batches the other way round) wait
     * for each other and never deadlock: first its event keys (consumed_event, in key order),
     * then its user rows, all in one statement (rows in ID order). A map left empty by zero sums
     * leaves the other counter's UPDATE alone, still one statement.
     */
    private void add(String first, Map<Long, Long> firstDeltas, String second, Map<Long, Long> secondDeltas) {
        if (firstDeltas.isEmpty()) {
            add(second, secondDeltas);
        } else if (secondDeltas.isEmpty()) {
            add(first, firstDeltas);
        } else {
            Set<Long> ids = new TreeSet<>(firstDeltas.keySet());
            ids.addAll(secondDeltas.keySet());
            users.addToCounters(first, firstDeltas, second, secondDeltas, ids);
        }
    }

    private void add(String counter, Map<Long, Long> deltas) {
        if (!deltas.isEmpty()) {
            users.addToCounter(counter, deltas);
        }
    }
}
