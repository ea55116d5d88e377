package com.douyin.video.dao;

import com.douyin.api.video.VideoDTO;

/** A row of the video table. */
public record VideoRow(
        long id,
        long authorId,
        String title,
        String topic,
        String playKey,
        String coverKey,
        long favoriteCount,
        long commentCount,
        long publishedAt) {

    public VideoDTO toDTO() {
        return new VideoDTO(id, authorId, title, topic, playKey, coverKey, favoriteCount, commentCount, publishedAt);
    }
}
