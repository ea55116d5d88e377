package com.douyin.api.common;

/**
 * The bound on {@code offset} that every paged list shares (the gateway's routes, the providers'
 * page methods). A page is read from the start of its range (an index, a sorted set) and skips
 * {@code offset} entries on the way, so without a cap one request could make the database walk a
 * star's millions of followers.
 */
public final class Paging {

    /** The deepest a page may start. */
    public static final int MAX_OFFSET = 10_000;

    private Paging() {
    }

    /** {@code offset}, or BAD_REQUEST with a message saying the range if it is negative or over {@link #MAX_OFFSET}. */
    public static int checkedOffset(long offset) {
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new DouyinException(ErrorCode.BAD_REQUEST, "offset must be 0 to " + MAX_OFFSET + ".");
        }
        return (int) offset;
    }
}
