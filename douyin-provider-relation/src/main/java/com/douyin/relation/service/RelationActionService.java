package com.douyin.relation.service;

import com.douyin.common.cache.JournalRelay;
import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.event.FollowChangedEvent;
import com.douyin.api.event.Topics;
import com.douyin.api.user.UserService;
import com.douyin.common.cache.ToggleSet;
import com.douyin.common.mq.BrokerOrFallback;
import com.douyin.common.redis.RedisOutage;
import com.douyin.relation.cache.FollowedUsers;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboReference;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * A follow or unfollow, on the write path of a like: one atomic step in Redis (the follower's
 * set and the cached counters, see {@link FollowedUsers}), then, only if something changed, a
 * {@link FollowChangedEvent} that carries it to MySQL (this provider's rows, the user provider's
 * counters). When the broker fails or is slow, a circuit breaker sends it down the synchronous
 * path ({@link FollowDirectWriter}); when Redis is out, the follow row decides it on that path.
 * The Redis step journals the change until it is handed on; {@link #relayJournal} hands on what
 * an instance that died, or a moment when neither path worked, left behind.
 */
@Service
public class RelationActionService {

    private static final Logger log = LoggerFactory.getLogger(RelationActionService.class);

    @DubboReference(providedBy = "douyin-user", check = false)
    private UserService users;

    private final FollowedUsers followed;
    private final BrokerOrFallback broker;
    private final FollowDirectWriter direct;
    private final RedisOutage outage;
    /** Hands on, every 10 s, what was journaled over douyin.journal.in-flight (30 s) ago and not acknowledged. */
    private final JournalRelay<FollowChangedEvent> relay;

    public RelationActionService(FollowedUsers followed, RocketMQTemplate rocketMQ, FollowDirectWriter direct, RedisOutage outage,
                                 @Value("${douyin.journal.in-flight:30s}") Duration inFlight) {
        this.followed = followed;
        this.direct = direct;
        this.outage = outage;
        this.broker = new BrokerOrFallback(rocketMQ, "mq:" + Topics.RELATION);
        this.relay = new JournalRelay<>("follows", followed.journal(), FollowedUsers::eventOf, this::handOn, outage, inFlight);
    }

    public void follow(long userId, long toUserId) {
        if (userId == toUserId) {
            throw new DouyinException(ErrorCode.FOLLOW_SELF);
        }
        if (users.getUsers(List.of(toUserId)).isEmpty()) {
            throw new DouyinException(ErrorCode.USER_NOT_FOUND);
        }
        change(userId, toUserId, +1);
    }

    /** Unfollowing someone not followed (or unknown) changes nothing. */
    public void unfollow(long userId, long toUserId) {
        if (userId != toUserId) {
            change(userId, toUserId, -1);
        }
    }

    private void change(long userId, long toUserId, int delta) {
        String flipId = ToggleSet.newFlipId(); // the same for a second try after a Redis error
        outage.decideOrElse(() -> changeInRedis(flipId, userId, toUserId, delta),
                () -> direct.changeInMysql(userId, toUserId, delta));
    }

    private void changeInRedis(String flipId, long userId, long toUserId, int delta) {
        ToggleSet.Flip flip = followed.flip(flipId, userId, toUserId, delta);
        if (!flip.changed()) {
            return; // a repeat: nothing to store
        }
        FollowChangedEvent event = new FollowChangedEvent(userId, toUserId, delta, flip.sequence());
        if (!followed.journal().settle(List.of(event), Collections.singletonMap(event, flip.journalEntry()), this::handOn).isEmpty()) {
            // Made all the same (Redis shows it): the journal keeps it for relayJournal, and it is
            // never taken back, since its send may have arrived (a timeout is not a failure).
            log.warn("Follow of user {} by user {} kept in the journal: neither the broker nor MySQL took it now", toUserId, userId);
        }
    }

    /** Sends changes through the broker, or each on the synchronous path; answers those neither path took. */
    private List<FollowChangedEvent> handOn(List<FollowChangedEvent> events) {
        return broker.sendAllOrWrite(Topics.RELATION, events, FollowChangedEvent::eventKey, direct::write);
    }

    /**
     * Hands on the journal's changes that were never acknowledged: their instance died between
     * the Redis step and the send, or neither path took them.
     */
    @Scheduled(initialDelay = 10_000, fixedDelay = 10_000)
    public void relayJournal() {
        relay.run();
    }
}
