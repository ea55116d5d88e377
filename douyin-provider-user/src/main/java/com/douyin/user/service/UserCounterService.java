package com.douyin.user.service;

import com.douyin.api.event.VideoPublishedEvent;
import com.douyin.common.mq.ConsumedEvents;
import com.douyin.user.cache.UserCache;
import com.douyin.user.dao.UserMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The user provider is the one writer of its counters; other providers' events arrive here.
 * Each event is applied once: its key and the counter change commit together.
 */
@Service
public class UserCounterService {

    static final String WORK_COUNT_CONSUMER = "user-work-count";

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
            cache.evict(event.authorId()); // the next read rebuilds the counters from MySQL
        }
        return Boolean.TRUE.equals(applied);
    }
}
