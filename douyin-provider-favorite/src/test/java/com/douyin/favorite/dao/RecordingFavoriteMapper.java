package com.douyin.favorite.dao;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A FavoriteMapper for unit tests of what is handed to SQL: it records each upsert's rows, and
 * answers nothing else. {@link #failing} makes the upsert throw, as a database that is down.
 */
public final class RecordingFavoriteMapper implements FavoriteMapper {

    public final List<List<FavoriteRow>> upserts = new ArrayList<>();
    public RuntimeException failing;

    @Override
    public void upsertLatest(List<FavoriteRow> rows) {
        if (failing != null) {
            throw failing;
        }
        upserts.add(List.copyOf(rows));
    }

    /** Every row stored, in statement order. */
    public List<FavoriteRow> rows() {
        return upserts.stream().flatMap(List::stream).toList();
    }

    @Override
    public List<FavoritedVideo> findLiked(long userId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void insertUnliked(long userId, long videoId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PairState lockPair(long userId, long videoId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Long> likedAmong(long userId, Collection<Long> videoIds) {
        throw new UnsupportedOperationException();
    }
}
