package com.douyin.api.relation;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Follows: who follows whom; owned by douyin-provider-relation. */
public interface RelationService {

    /** The user follows another; following a followed user changes nothing. Fails with FOLLOW_SELF or USER_NOT_FOUND. */
    void follow(long userId, long toUserId);

    /** The user no longer follows another; unfollowing someone not followed changes nothing. */
    void unfollow(long userId, long toUserId);

    /** Which of these users the viewer follows (one call for a page). */
    Set<Long> followingAmong(long viewerId, List<Long> userIds);

    /** Whom the user follows, most recent follow first: {@code count} of them from {@code offset}. */
    List<Long> following(long userId, int offset, int count);

    /** Everyone the user follows, and since when (epoch ms of the follow), most recent first. */
    Map<Long, Long> followingSince(long userId);

    /** Who follows the user, most recent follow first: {@code count} of them from {@code offset}. */
    List<Long> followers(long userId, int offset, int count);

    /** The users the user follows who follow them back, most recent follow first: a page. */
    List<Long> friends(long userId, int offset, int count);
}
