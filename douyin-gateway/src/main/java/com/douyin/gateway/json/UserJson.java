package com.douyin.gateway.json;

/** The contract's User object, as the client reads it (snake_case on the wire). */
public record UserJson(
        long id,
        String name,
        long followCount,
        long followerCount,
        boolean isFollow,
        String avatar,
        String backgroundImage,
        String signature,
        long totalFavorited,
        long workCount,
        long favoriteCount) {

    /** The same user, followed by the viewer. */
    public UserJson followed() {
        return new UserJson(id, name, followCount, followerCount, true, avatar, backgroundImage, signature,
                totalFavorited, workCount, favoriteCount);
    }
}
