package com.douyin.video.following;

import java.util.List;
import java.util.Map;

/** What the following feed needs to know of who follows whom (the relation provider's data). */
public interface FollowGraph {

    /** Whom the viewer follows, and since when (epoch ms). */
    Map<Long, Long> followingSince(long viewerId);

    /** Up to {@code limit} of the author's followers. */
    List<Long> followers(long authorId, int limit);
}
