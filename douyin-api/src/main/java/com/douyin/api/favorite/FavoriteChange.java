package com.douyin.api.favorite;

import java.io.Serializable;

/** One user's like ({@code like} true) or unlike of one video, as a part of {@link FavoriteService#changeAll}. */
public record FavoriteChange(long userId, long videoId, boolean like) implements Serializable {
}
