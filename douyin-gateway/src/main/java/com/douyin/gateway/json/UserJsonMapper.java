package com.douyin.gateway.json;

import com.douyin.api.user.UserDTO;
import com.douyin.api.user.UserService;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.stereotype.Component;

/** Provider DTO → the client's User object. */
@Component
public class UserJsonMapper {

    @DubboReference(providedBy = "douyin-user")
    private UserService users;

    private final MediaUrls urls;

    public UserJsonMapper(MediaUrls urls) {
        this.urls = urls;
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
}
