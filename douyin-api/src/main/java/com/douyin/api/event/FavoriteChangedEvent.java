package com.douyin.api.event;

import java.io.Serializable;

/**
 * A like or unlike that changed something (repeats are not sent). {@code delta} is +1 or -1 for
 * the video's favorite_count, the liker's favorite_count and the author's total_favorited, so
 * consumers may sum a batch in any order. {@code sequence} orders the changes of one (user,
 * video) pair: the later one decides the stored state.
 */
public record FavoriteChangedEvent(long userId, long videoId, long authorId, int delta, long sequence) implements PairChange, Serializable {

    @Override
    public long ownerId() {
        return userId;
    }

    @Override
    public long memberId() {
        return videoId;
    }

    public boolean liked() {
        return delta > 0;
    }

    /** The key consumers deduplicate on. */
    @Override
    public String eventKey() {
        return "favorite:" + userId + ":" + videoId + ":" + sequence;
    }
}
