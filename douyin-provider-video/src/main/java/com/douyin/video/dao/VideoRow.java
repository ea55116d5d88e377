package com.douyin.video.dao;

import com.douyin.api.video.VideoDTO;

/** A row of the video table ({@code playKey}: the original upload; {@code watermarkKey}: its watermarked copy, "" until made). */
public record VideoRow(
        long id,
        long authorId,
        String title,
        String topic,
        String playKey,
        String coverKey,
        String watermarkKey,
        long favoriteCount,
        long commentCount,
        long publishedAt) {

    /** The video as served: it plays the watermarked copy once there is one, the original until then. */
    public VideoDTO toDTO() {
        return new VideoDTO(id, authorId, title, topic, watermarkKey.isEmpty() ? playKey : watermarkKey, coverKey,
                favoriteCount, commentCount, publishedAt);
    }
}
