package com.douyin.message.picks;

import com.douyin.api.video.VideoDTO;
import java.util.List;

/** The videos a user's daily picks show. */
public interface PickedVideos {

    /** Up to {@code count} videos for the user, best first (none: nothing to recommend). */
    List<VideoDTO> pick(long userId, int count);
}
