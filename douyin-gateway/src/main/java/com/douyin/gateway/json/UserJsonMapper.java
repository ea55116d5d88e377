package com.douyin.gateway.json;

import com.douyin.api.user.UserDTO;
import org.springframework.stereotype.Component;

/** Provider DTO → the client's User object. */
@Component
public class UserJsonMapper {

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

    /** A user whose account is gone still renders (with empty fields), rather than dropping what they made. */
    public static UserDTO unknownUser(long id) {
        return new UserDTO(id, "", "", "", "", 0, 0, 0, 0, 0);
    }
}
