package com.douyin.api.user;

import java.io.Serializable;

/**
 * A user's profile and counters as the user provider knows them. {@code avatar} and
 * {@code backgroundImage} are object keys ("" for none); the gateway turns them into URLs.
 * Viewer-dependent fields (is_follow) are not here: the relation provider owns them.
 */
public record UserDTO(
        long id,
        String name,
        String avatar,
        String backgroundImage,
        String signature,
        long followCount,
        long followerCount,
        long totalFavorited,
        long workCount,
        long favoriteCount) implements Serializable {
}
