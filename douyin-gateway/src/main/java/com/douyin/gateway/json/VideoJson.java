package com.douyin.gateway.json;

/** The contract's Video object. */
public record VideoJson(
        long id,
        UserJson author,
        String playUrl,
        String coverUrl,
        long favoriteCount,
        long commentCount,
        boolean isFavorite,
        String title) {
}
