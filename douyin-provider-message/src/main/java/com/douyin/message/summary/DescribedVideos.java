package com.douyin.message.summary;

import com.douyin.api.video.VideoDTO;
import java.util.List;

/** The other providers' side of a video's description: the video, its keywords and verdict, the assistant's comment. */
public interface DescribedVideos {

    /** The video, or null if there is none. */
    VideoDTO find(long videoId);

    /** Records the keywords and the title's verdict (VideoService#describe); false: no such video. */
    boolean describe(long videoId, List<String> keywords, boolean abusiveTitle);

    /** Posts {@code text} as the assistant's comment on the video. */
    void comment(long assistantId, long videoId, String text);
}
