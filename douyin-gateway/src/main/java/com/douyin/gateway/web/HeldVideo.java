package com.douyin.gateway.web;

import com.douyin.api.video.VideoDTO;
import com.douyin.gateway.json.UserJson;
import java.util.function.BiFunction;

/**
 * A video held by {@link FeedEntries}, and its JSON as an anonymous viewer sees it once a page
 * has shown it. The JSON holds the author too, so it is kept with the author it was written with
 * and written again when the held author differs (an author's counts move more often than a
 * video's, and an author entry lives seconds, not minutes). It goes with the entry: a video that a
 * write changes is dropped from {@link FeedEntries}, its JSON with it.
 */
final class HeldVideo {

    private record Json(UserJson author, byte[] bytes) {
    }

    private final VideoDTO video;
    private volatile Json json;

    HeldVideo(VideoDTO video) {
        this.video = video;
    }

    VideoDTO video() {
        return video;
    }

    /** This video's anonymous JSON by {@code author}: written by {@code write} unless kept for an equal author. */
    byte[] anonymousJson(UserJson author, BiFunction<VideoDTO, UserJson, byte[]> write) {
        Json kept = json;
        // (The same object first: a record's equals compares every field, and most pages hold the entry's own author.)
        if (kept == null || kept.author() != author && !kept.author().equals(author)) {
            kept = new Json(author, write.apply(video, author));
            json = kept;
        }
        return kept.bytes();
    }
}
