package com.douyin.favorite.dao;

/** The state of one (user, video) pair as a change left it; {@code changeSeq} orders changes. */
public record FavoriteRow(long userId, long videoId, boolean liked, long likedAt, long changeSeq) {
}
