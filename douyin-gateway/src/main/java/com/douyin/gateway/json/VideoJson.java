package com.douyin.gateway.json;

/** The contract's Video object. */
public record VideoJson(
        long id,
        UserJson author,
        String playUrl,
        String coverUrl,
        long favoriteCount,
        long commentCount,
        boolean isFavorite,
        String title) {

    /** The same video by this author object (the viewer's view of the author). */
    public VideoJson by(UserJson author) {
        return new VideoJson(id, author, playUrl, coverUrl, favoriteCount, commentCount, isFavorite, title);
    }

    /** The same video, liked by the viewer. */
    public VideoJson liked() {
        return new VideoJson(id, author, playUrl, coverUrl, favoriteCount, commentCount, true, title);
    }
}
