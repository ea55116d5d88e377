package com.douyin.relation.rpc;

import com.douyin.api.relation.RelationService;
import com.douyin.relation.service.FollowActionService;
import com.douyin.relation.service.FollowQueryService;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.dubbo.config.annotation.DubboService;

/** The Dubbo face of the relation provider; the logic is in the services. */
@DubboService
public class RelationServiceRpc implements RelationService {

    private final FollowActionService actions;
    private final FollowQueryService queries;

    public RelationServiceRpc(FollowActionService actions, FollowQueryService queries) {
        this.actions = actions;
        this.queries = queries;
    }

    @Override
    public void follow(long userId, long toUserId) {
        actions.follow(userId, toUserId);
    }

    @Override
    public void unfollow(long userId, long toUserId) {
        actions.unfollow(userId, toUserId);
    }

    @Override
    public Set<Long> followingAmong(long viewerId, List<Long> userIds) {
        return queries.followingAmong(viewerId, userIds);
    }

    @Override
    public List<Long> following(long userId, int offset, int count) {
        return queries.following(userId, offset, count);
    }

    @Override
    public Map<Long, Long> followingSince(long userId) {
        return queries.followingSince(userId);
    }

    @Override
    public List<Long> followers(long userId, int offset, int count) {
        return queries.followers(userId, offset, count);
    }

    @Override
    public List<Long> friends(long userId, int offset, int count) {
        return queries.friends(userId, offset, count);
    }
}
