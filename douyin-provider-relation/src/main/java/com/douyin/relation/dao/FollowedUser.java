package com.douyin.relation.dao;

/** A user someone follows, and since when (epoch ms). */
public record FollowedUser(long userId, long followedAt) {
}
