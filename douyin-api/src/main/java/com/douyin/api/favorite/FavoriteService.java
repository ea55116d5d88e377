package com.douyin.api.favorite;

import com.douyin.api.common.CursorPage;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.common.PageCursor;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** Likes: who likes which video; owned by douyin-provider-favorite. */
public interface FavoriteService {

    /** The viewer likes the video; liking a liked video changes nothing. Unknown videos are refused. */
    void like(long userId, long videoId);

    /** The viewer no longer likes the video; unliking what was never liked changes nothing. */
    void unlike(long userId, long videoId);

    /**
     * Several likes and unlikes, of any users, in one call: the gateway gathers the requests that
     * arrive together ({@code BatchingCaller}), so a storm costs one call, one Redis round trip and
     * one broker send per batch instead of per like. Each change is decided as {@link #like} or
     * {@link #unlike} would; the answer holds, in order, null for a change that is done (or was a
     * repeat) and the error that refused it otherwise. Asynchronous for the caller (Dubbo returns
     * at once and completes the future when the answer arrives).
     */
    CompletableFuture<List<ErrorCode>> changeAll(List<FavoriteChange> changes);

    /** Which of these videos the user likes (one call for a page). */
    Set<Long> likedAmong(long userId, List<Long> videoIds);

    /**
     * A page of the videos the user likes, most recent like first: up to {@code count} (at most
     * {@link CursorPage#MAX_COUNT}) after {@code cursor} (null: from the most recent).
     */
    CursorPage<Long> likedVideos(long userId, PageCursor cursor, int count);

    /** The most recent {@link CursorPage#MAX_COUNT} of {@link #likedVideos(long, PageCursor, int)}, for callers that do not page. */
    List<Long> likedVideos(long userId);
}
