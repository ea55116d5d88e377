package com.douyin.relation.service;

import com.douyin.api.common.Paging;
import com.douyin.common.redis.RedisOutage;
import com.douyin.relation.cache.FollowedUsers;
import com.douyin.relation.dao.FollowMapper;
import com.douyin.relation.dao.FollowedUser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/** Reads of who follows whom: whom a user follows from Redis (or the rows while Redis is out), followers from the rows. */
@Service
public class RelationQueryService {

    private final FollowedUsers followed;
    private final FollowMapper follows;
    private final RedisOutage outage;

    public RelationQueryService(FollowedUsers followed, FollowMapper follows, RedisOutage outage) {
        this.followed = followed;
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
        return outage.redisOrElse(() -> page(followed.following(userId), offset, count),
                () -> follows.followingPage(userId, offset, count));
    }

    /** A page of one range of idx_follow_followers_page: the offset is capped, so no page walks a star's millions. */
    public List<Long> followers(long userId, int offset, int count) {
        Paging.checkedOffset(offset);
        return follows.followersPage(userId, offset, count);
    }

    /** Mutual follows: of everyone the user follows (most recent first), those who follow back. */
    public List<Long> friends(long userId, int offset, int count) {
        Paging.checkedOffset(offset);
        List<Long> friends = outage.redisOrElse(() -> {
            List<Long> following = followed.following(userId);
            Set<Long> back = following.isEmpty() ? Set.of() : followed.followingBack(userId, following);
            return following.stream().filter(back::contains).toList();
        }, () -> {
            List<Long> following = follows.findFollowing(userId).stream()
                    .sorted(Comparator.comparingLong(FollowedUser::followedAt).reversed())
                    .map(FollowedUser::userId).toList();
            Set<Long> back = following.isEmpty() ? Set.of() : new HashSet<>(follows.followersAmong(userId, following));
            return following.stream().filter(back::contains).toList();
        });
        return page(friends, offset, count);
    }

    private static List<Long> page(List<Long> all, int offset, int count) {
        int from = Math.min(offset, all.size());
        return new ArrayList<>(all.subList(from, Math.min(all.size(), from + count))); // a view would not cross Dubbo
    }
}
