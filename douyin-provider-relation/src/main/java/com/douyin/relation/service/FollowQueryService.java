package com.douyin.relation.service;

import com.douyin.api.common.Paging;
import com.douyin.common.redis.RedisOutage;
import com.douyin.relation.cache.FollowedUsers;
import com.douyin.relation.cache.FriendLists;
import com.douyin.relation.dao.FollowMapper;
import com.douyin.relation.dao.FollowedUser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Reads of who follows whom: whom a user follows and their friends from Redis (or the rows while
 * Redis is out), followers from the rows.
 */
@Service
public class FollowQueryService {

    private final FollowedUsers followed;
    private final FriendLists friendLists;
    private final FollowMapper follows;
    private final RedisOutage outage;

    public FollowQueryService(FollowedUsers followed, FriendLists friendLists, FollowMapper follows, RedisOutage outage) {
        this.followed = followed;
        this.friendLists = friendLists;
        this.follows = follows;
        this.outage = outage;
    }

    public Set<Long> followingAmong(long viewerId, List<Long> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        return outage.redisOrElse(() -> followed.followingAmong(viewerId, userIds),
                () -> new HashSet<>(follows.followingAmong(viewerId, userIds)));
    }

    public List<Long> following(long userId, int offset, int count) {
        Paging.checkedOffset(offset);
        return outage.redisOrElse(() -> new ArrayList<>(followed.following(userId, offset, count)), // (a list Dubbo can carry)
                () -> follows.followingPage(userId, offset, count));
    }

    /** Whom the user follows and since when (ms), most recent first: the user's set, or the rows while Redis is out. */
    public Map<Long, Long> followingSince(long userId) {
        LinkedHashMap<Long, Long> since = new LinkedHashMap<>();
        outage.redisOrElse(() -> followed.followingSince(userId).forEach((followee, at) -> since.put(followee, at.longValue())),
                () -> follows.findFollowing(userId).stream()
                        .sorted(Comparator.comparingLong(FollowedUser::followedAt).thenComparingLong(FollowedUser::userId).reversed())
                        .forEach(row -> since.put(row.userId(), row.followedAt())));
        return since;
    }

    /** A page of one range of idx_follow_followers_page: the offset is capped, so no page walks a star's millions. */
    public List<Long> followers(long userId, int offset, int count) {
        Paging.checkedOffset(offset);
        return follows.followersPage(userId, offset, count);
    }

    /**
     * Mutual follows, most recent follow first: a page of the user's friend list in Redis (one
     * round trip, built in a few on a miss: {@link FriendLists}), or one query while Redis is out.
     */
    public List<Long> friends(long userId, int offset, int count) {
        Paging.checkedOffset(offset);
        return outage.redisOrElse(() -> friendLists.page(userId, offset, count),
                () -> follows.friendsPage(userId, offset, count));
    }
}
