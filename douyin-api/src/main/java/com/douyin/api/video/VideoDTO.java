package com.douyin.api.video;

import java.io.Serializable;

/**
 * A video as the video provider knows it. {@code playKey}/{@code coverKey} are object keys
 * (coverKey "" until the cover exists); the gateway turns them into URLs. {@code topic}: one of
 * the configured topics, or "" for none.
 */
public record VideoDTO(
        long id,
        long authorId,
        String title,
        String topic,
        String playKey,
        String coverKey,
        long favoriteCount,
        long commentCount,
        long publishedAt) implements Serializable {
}
