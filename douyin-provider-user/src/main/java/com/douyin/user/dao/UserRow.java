package com.douyin.user.dao;

import com.douyin.api.user.UserDTO;

/** A row of the user table. */
public record UserRow(
        long id,
        String username,
        String passwordHash,
        String avatar,
        String backgroundImage,
        String signature,
        long followCount,
        long followerCount,
        long totalFavorited,
        long workCount,
        long favoriteCount) {

    public UserDTO toDTO() {
        return new UserDTO(id, username, avatar, backgroundImage, signature,
                followCount, followerCount, totalFavorited, workCount, favoriteCount);
    }
}
