package com.douyin.favorite.dao;

/** A video a user likes, and when (epoch ms). */
public record FavoritedVideo(long videoId, long likedAt) {
}
