package com.douyin.relation.dao;

/** The latest state of one (follower, followee) pair, as the write-behind stores it. */
public record FollowRow(long followerId, long followeeId, boolean following, long followedAt, long changeSeq) {
}
