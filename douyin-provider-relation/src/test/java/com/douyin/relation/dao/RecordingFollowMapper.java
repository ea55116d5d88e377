package com.douyin.relation.dao;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A FollowMapper for unit tests of what is handed to SQL: it records each upsert's rows, and
 * answers nothing else. {@link #failing} makes the upsert throw, as a database that is down.
 */
public final class RecordingFollowMapper implements FollowMapper {

    public final List<List<FollowRow>> upserts = new ArrayList<>();
    public RuntimeException failing;

    @Override
    public void upsertLatest(List<FollowRow> rows) {
        if (failing != null) {
            throw failing;
        }
        upserts.add(List.copyOf(rows));
    }

    /** Every row stored, in statement order. */
    public List<FollowRow> rows() {
        return upserts.stream().flatMap(List::stream).toList();
    }

    @Override
    public List<FollowedUser> findFollowing(long userId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Long> followingPage(long userId, int offset, int count) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Long> followersPage(long userId, int offset, int count) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Long> friendsPage(long userId, int offset, int count) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Long> followingAmong(long userId, Collection<Long> userIds) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Long> followersAmong(long userId, Collection<Long> userIds) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void insertUnfollowed(long followerId, long followeeId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PairState lockPair(long followerId, long followeeId) {
        throw new UnsupportedOperationException();
    }
}
