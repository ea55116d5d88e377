package com.douyin.api.common;

import java.io.Serializable;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a newest-first list (comments, liked videos, an author's videos), and the cursor
 * of the next page: null when nothing follows. A page may hold fewer than asked and still have a
 * next one; a client follows {@code next} until it is null.
 */
public record CursorPage<T>(List<T> items, PageCursor next) implements Serializable {

    /**
     * The most a page holds, and what a caller gets when it does not say: a list is never answered
     * whole, because a whole popular list outgrows a Dubbo message (8 MiB) and fails every time.
     */
    public static final int MAX_COUNT = 100;

    /** {@code count} within 1 and {@link #MAX_COUNT}. */
    public static int clamp(int count) {
        return Math.max(1, Math.min(count, MAX_COUNT));
    }

    /**
     * The page of {@code fetched}: up to {@code count} + 1 items that follow the cursor asked for,
     * newest first, read that way from a store; the one more tells that a next page exists.
     */
    public static <T> CursorPage<T> of(List<T> fetched, int count, Function<T, PageCursor> positionOf) {
        if (fetched.size() <= count) {
            return new CursorPage<>(List.copyOf(fetched), null);
        }
        List<T> items = List.copyOf(fetched.subList(0, count));
        return new CursorPage<>(items, positionOf.apply(items.get(count - 1)));
    }

    /** The page that follows {@code cursor} (null: the first page) of a whole list held in memory, newest first. */
    public static <T> CursorPage<T> after(PageCursor cursor, List<T> newestFirst, int count, Function<T, PageCursor> positionOf) {
        List<T> following = newestFirst.stream().filter(item -> {
            PageCursor position = positionOf.apply(item);
            return cursor == null || cursor.isFollowedBy(position.time(), position.id());
        }).limit(count + 1L).toList();
        return of(following, count, positionOf);
    }

    /** The same page with its items replaced (IDs by what they identify), the same next cursor. */
    public <R> CursorPage<R> withItems(List<R> replaced) {
        return new CursorPage<>(replaced, next);
    }
}
