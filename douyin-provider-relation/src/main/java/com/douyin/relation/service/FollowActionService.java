package com.douyin.relation.service;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.event.FollowChangedEvent;
import com.douyin.api.event.Topics;
import com.douyin.api.user.UserService;
import com.douyin.common.redis.RedisOutage;
import com.douyin.writebehind.ToggleSet;
import com.douyin.writebehind.WriteBehind;
import com.douyin.relation.cache.FollowedUsers;
import java.time.Duration;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboReference;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * A follow or unfollow, on the {@link WriteBehind} path as a like: one atomic step in Redis (the
 * follower's set and the cached counters, see {@link FollowedUsers}), then, only if something
 * changed, a {@link FollowChangedEvent} that carries it to MySQL (this provider's rows, the user
 * provider's counters). The synchronous path is {@link FollowDirectWriter}.
 */
@Service
public class FollowActionService {

    @DubboReference(providedBy = "douyin-user", check = false)
    private UserService users;

    private final FollowedUsers followed;
    private final FollowDirectWriter direct;
    /** Its relay hands on, every 10 s, what was journaled over douyin.journal.in-flight (30 s) ago and not acknowledged. */
    private final WriteBehind<FollowChangedEvent> writeBehind;

    public FollowActionService(FollowedUsers followed, RocketMQTemplate rocketMQ, FollowDirectWriter direct, RedisOutage outage,
                                 @Value("${douyin.journal.in-flight:30s}") Duration inFlight) {
        this.followed = followed;
        this.direct = direct;
        this.writeBehind = new WriteBehind<>("follows", Topics.RELATION, followed.journal(), FollowedUsers::eventOf, direct, rocketMQ, outage, inFlight);
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
        writeBehind.toggle(() -> followed.flip(flipId, userId, toUserId, delta),
                sequence -> new FollowChangedEvent(userId, toUserId, delta, sequence),
                () -> direct.changeInMysql(userId, toUserId, delta));
    }

    /** Hands on what the journal kept: from an instance that died, or a moment when neither path worked. */
    @Scheduled(initialDelay = 10_000, fixedDelay = 10_000)
    public void relayJournal() {
        writeBehind.relayJournal();
    }
}
