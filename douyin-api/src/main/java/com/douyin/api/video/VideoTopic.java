package com.douyin.api.video;

import java.util.Locale;

/** A topic as the client sends it, in the one form the video provider stores and the gateway caches by. */
public final class VideoTopic {

    private VideoTopic() {
    }

    /** Trimmed and in lower case ("Sport " is "sport"); "" for a missing or blank one, meaning none. */
    public static String normalize(String raw) {
        return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    }
}
