package com.douyin.gateway.json;

import com.douyin.api.relation.RelationService;
import com.douyin.api.user.UserDTO;
import com.douyin.api.user.UserService;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.dubbo.rpc.RpcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Provider DTO → the client's User object. */
@Component
public class UserJsonMapper {

    private static final Logger log = LoggerFactory.getLogger(UserJsonMapper.class);

    @Autowired // ProviderReferences
    private UserService users;

    @Autowired // ProviderReferences
    private RelationService relations;

    private final MediaUrls urls;
    private final ViewerMarks marks;

    public UserJsonMapper(MediaUrls urls, ViewerMarks marks) {
        this.urls = urls;
        this.marks = marks;
    }

    public UserJson toJson(UserDTO user, boolean viewerFollows) {
        return new UserJson(user.id(), user.name(), user.followCount(), user.followerCount(), viewerFollows,
                urls.avatar(user.avatar()), urls.backgroundImage(user.backgroundImage()),
                user.signature() == null ? "" : user.signature(),
                user.totalFavorited(), user.workCount(), user.favoriteCount());
    }

    /**
     * The User objects of a page's authors, fetched in one batch call, one for every ID asked: a
     * user whose account is gone still renders (with empty fields), rather than dropping what
     * they made.
     */
    public Map<Long, UserJson> byId(Collection<Long> userIds) {
        Map<Long, UserJson> json = new HashMap<>();
        if (userIds.isEmpty()) {
            return json;
        }
        for (UserDTO user : users.getUsers(userIds.stream().distinct().toList())) {
            json.put(user.id(), toJson(user, false));
        }
        for (Long id : userIds) {
            json.computeIfAbsent(id, missing -> toJson(new UserDTO(missing, "", "", "", "", 0, 0, 0, 0, 0), false));
        }
        return json;
    }

    /** {@link #byId(Collection)} as {@code viewer} sees them: is_follow filled in. */
    public Map<Long, UserJson> byId(Collection<Long> userIds, OptionalLong viewer) {
        Map<Long, UserJson> json = byId(userIds);
        Set<Long> followed = followedBy(viewer, json.keySet());
        json.replaceAll((id, user) -> followed.contains(id) ? user.followed() : user);
        return json;
    }

    /** The users of {@code userIds}, in that order, as {@code viewer} sees them. */
    public List<UserJson> inOrder(List<Long> userIds, OptionalLong viewer) {
        Map<Long, UserJson> json = byId(userIds, viewer);
        return userIds.stream().map(json::get).toList();
    }

    /**
     * Which of these users the viewer follows. If the relation provider cannot answer, the page
     * still shows, with nobody marked as followed.
     */
    public Set<Long> followedBy(OptionalLong viewer, Collection<Long> userIds) {
        if (viewer.isEmpty() || userIds.isEmpty()) {
            return Set.of();
        }
        try {
            return followedOrFail(viewer.getAsLong(), userIds);
        } catch (RpcException e) {
            log.warn("Follows unavailable, the page shows none: {}", e.toString());
            return Set.of();
        }
    }

    /** Which of these users the viewer follows; an RpcException if the relation provider cannot answer. */
    public Set<Long> followedOrFail(long viewer, Collection<Long> userIds) {
        return marks.followed(viewer, userIds, () -> allFollowedIfFew(viewer), unknown -> relations.followingAmong(viewer, unknown));
    }

    /** Everyone the viewer follows, if they follow at most {@link ViewerMarks#WHOLE_AT_MOST}; else null. */
    private Set<Long> allFollowedIfFew(long viewer) {
        List<Long> newest = relations.following(viewer, 0, ViewerMarks.WHOLE_AT_MOST + 1);
        return newest.size() <= ViewerMarks.WHOLE_AT_MOST ? Set.copyOf(newest) : null;
    }
}
