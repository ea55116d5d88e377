package com.douyin.gateway.json;

/** The contract's Video object, and {@code topic} ("" for none; docs/api-extensions.md). */
public record VideoJson(
        long id,
        UserJson author,
        String playUrl,
        String coverUrl,
        long favoriteCount,
        long commentCount,
        boolean isFavorite,
        String title,
        String topic) {

    /** The same video by this author object (the viewer's view of the author). */
    public VideoJson by(UserJson author) {
        return new VideoJson(id, author, playUrl, coverUrl, favoriteCount, commentCount, isFavorite, title, topic);
    }

    /** The same video, liked by the viewer. */
    public VideoJson liked() {
        return new VideoJson(id, author, playUrl, coverUrl, favoriteCount, commentCount, true, title, topic);
    }
}
